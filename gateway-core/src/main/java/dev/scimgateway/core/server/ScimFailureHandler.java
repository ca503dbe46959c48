package dev.scimgateway.core.server;

import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.observability.RateLimitedLog;
import dev.scimgateway.core.protocol.ScimErrors;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;

/**
 * Answers every failure with an RFC 7644 error: {@link ScimFailure}s as they are, statuses that
 * Vert.x Web produced (no route, malformed URI, body too large, timeout) with a matching detail, and
 * anything unexpected as a 500 that is logged (it is a bug of the gateway) but never shown to the IdP.
 * Client errors are not logged: their request line is already, and their causes may quote the raw
 * URI, query string included.
 */
final class ScimFailureHandler implements Handler<RoutingContext> {

  private static final RateLimitedLog LOG = RateLimitedLog.of(ScimFailureHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    answer(ctx, ctx.statusCode());
  }

  /**
   * For {@code Router.errorHandler(status, …)}: Vert.x Web calls it for failures it found itself, some
   * (a path that cannot be decoded) without setting the context's status.
   */
  Handler<RoutingContext> forStatus(int status) {
    return ctx -> answer(ctx, ctx.statusCode() > 0 ? ctx.statusCode() : status);
  }

  private void answer(RoutingContext ctx, int status) {
    if (ctx.response().closed() || ctx.response().ended()) {
      // No one to answer: the client went away (say, in the middle of its body, or cut off by a read deadline),
      // or has its answer already (a timeout's 503) and the work it had started failed after it.
      return;
    }
    Throwable failure = ctx.failure();
    ScimFailure error;
    if (failure instanceof ScimFailure || failure instanceof com.unboundid.scim2.common.exceptions.ScimException) {
      error = ScimErrors.from(failure);
    } else if (status >= 400 && status < 500) {
      error = HttpLayerErrors.clientError(status);
    } else if (failure == null) {
      error = ScimErrors.forStatus(status);
    } else {
      error = ScimErrors.from(failure);
      LOG.log(Level.ERROR, "bug:" + failure.getClass().getName(),
          "unexpected failure on " + ctx.request().method() + " " + ctx.request().path(), failure);
    }
    ScimResponses.error(ctx, error);
  }
}
