package dev.scimgateway.core.server;

import dev.scimgateway.core.observability.RateLimitedLog;
import dev.scimgateway.core.observability.RequestScope;
import dev.scimgateway.core.operation.HomeContext;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;

/**
 * Turns an exception thrown in an asynchronous callback of a request (say, while writing the answer to
 * a completed upstream call) into an immediate answer. Vert.x Web only sees exceptions thrown by a
 * handler itself; one thrown later goes to the context's exception handler, and without this guard
 * the request would wait for the request timeout. Each request runs on a context of its own, so the
 * context a failing callback ran on names the request ({@link RequestScope}, which the request log
 * handler, first on every router, fills in). It sees what Vert.x reports: failures in
 * callbacks of futures that belong to a context (HTTP clients, timers); a context-less promise with
 * several listeners drops them silently, which is why ScimResponses itself never throws. One guard
 * serves every event loop: a failure in an adapter's call on its home loop names the request it was
 * for ({@link HomeContext#requestContext}), which is then answered on its own loop.
 */
final class ResponseGuard implements Handler<RoutingContext> {

  private static final RateLimitedLog LOG = RateLimitedLog.of(ResponseGuard.class);

  private final Handler<Throwable> uncaught = this::uncaught;

  @Override
  public void handle(RoutingContext ctx) {
    Context context = Vertx.currentContext();
    // Every request's context shares its event loop's exception handler: setting it is idempotent.
    if (context != null && context.exceptionHandler() != uncaught) {
      context.exceptionHandler(uncaught);
    }
    ctx.next();
  }

  /** Answers the requests whose work fails on {@code context}'s event loop, before any request was served there. */
  void watch(Context context) {
    context.exceptionHandler(uncaught);
  }

  private void uncaught(Throwable failure) {
    Context current = Vertx.currentContext();
    Context context = HomeContext.requestContext(current);
    RoutingContext ctx = RequestScope.request(current);
    if (ctx != null && context != current) {
      // A failure in an adapter's call on its home loop: the request is answered on its own loop.
      context.runOnContext(ignored -> uncaught(failure));
      return;
    }
    if (ctx != null && !ctx.response().ended() && !ctx.response().closed()) {
      if (ctx.failed()) {
        LOG.log(Level.ERROR, "guard:" + failure.getClass().getName(), "failure while answering a failed request; the connection is reset", failure);
        ctx.response().reset();
      } else {
        ctx.fail(failure);
      }
    } else {
      LOG.log(Level.ERROR, "uncaught:" + failure.getClass().getName(), "uncaught failure outside a request", failure);
    }
  }
}
