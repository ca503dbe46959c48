package dev.scimgateway.core.observability;

import dev.scimgateway.core.operation.HomeContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the IdP request an adapter is working for. Vert.x serves each HTTP request on its own
 * duplicated context and keeps it through every future, timer and client response derived from it,
 * so the current context identifies the request without changing the adapter SPI; an adapter's call
 * handed over to its home loop runs on a context that names the request's ({@link HomeContext}).
 */
final class RequestTracker {

  private final Map<Context, RequestRecord> active = new ConcurrentHashMap<>();

  void begin(Context context, RequestRecord record) {
    active.put(context, record);
  }

  void end(Context context) {
    active.remove(context);
  }

  Optional<RequestRecord> current() {
    Context context = HomeContext.requestContext(Vertx.currentContext());
    return context == null ? Optional.empty() : Optional.ofNullable(active.get(context));
  }
}
