package dev.scimgateway.core.observability;

import dev.scimgateway.core.operation.HomeContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxBootstrap;
import io.vertx.core.spi.VertxServiceProvider;
import io.vertx.core.spi.context.storage.ContextLocal;
import io.vertx.ext.web.RoutingContext;

/**
 * Which IdP request the code running on a Vert.x context works for. Vert.x serves each HTTP request on a
 * duplicated context of its own and keeps it through every future, timer and client answer derived from
 * it, so the context names the request without changing the adapter SPI; an adapter's call handed over
 * to its home loop runs on a context that names the request's ({@link HomeContext#requestContext}).
 *
 * <p>The request is kept in a slot of its context ({@link ContextLocal}), not in a map shared by every
 * loop. Vert.x gives each context slots for the locals registered before the Vert.x instance was made,
 * so this class is a {@link VertxServiceProvider}: Vert.x loads its providers, and with them this local,
 * before it makes an instance.
 */
public final class RequestScope implements VertxServiceProvider {

  private static final ContextLocal<RoutingContext> REQUEST = ContextLocal.registerLocal(RoutingContext.class);
  private static final ContextLocal<RequestRecord> RECORD = ContextLocal.registerLocal(RequestRecord.class);

  /**
   * Fails unless contexts of {@code vertx} have this class's slots: a Vert.x instance made without loading its
   * service providers (or before this class was loaded) has none, and every request would fail.
   */
  public static void requireSlotsIn(Vertx vertx) {
    try {
      REQUEST.get(vertx.getOrCreateContext());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("This Vert.x instance has no slots for scim-gateway's requests: make it with"
          + " Vert.x's builder, which loads the io.vertx.core.spi.VertxServiceProvider services on the class path"
          + " (gateway-core's " + RequestScope.class.getName() + " among them)", e);
    }
  }

  /** Names {@code ctx}, recorded in {@code record}, as the request served on {@code context}, until {@link #end}. */
  static void begin(Context context, RoutingContext ctx, RequestRecord record) {
    REQUEST.put(context, ctx);
    RECORD.put(context, record);
  }

  static void end(Context context) {
    REQUEST.remove(context);
    RECORD.remove(context);
  }

  /** The request that code running on {@code context} works for, or null (outside any request). */
  public static RoutingContext request(Context context) {
    Context requestContext = HomeContext.requestContext(context);
    return requestContext == null ? null : REQUEST.get(requestContext);
  }

  /** The record of the request the calling code works for, or null. */
  static RequestRecord currentRecord() {
    Context requestContext = HomeContext.requestContext(Vertx.currentContext());
    return requestContext == null ? null : RECORD.get(requestContext);
  }

  /** Nothing to set up: loading this class registered the local. */
  @Override
  public void init(VertxBootstrap builder) {}
}
