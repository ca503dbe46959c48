package dev.scimgateway.core.server;

import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.protocol.ScimErrors;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;

/**
 * Answers every failure with an RFC 7644 error: {@link ScimFailure}s as they are, statuses that
 * Vert.x Web produced (no route, body too large, timeout) with a matching detail, and anything
 * unexpected as a 500 that is logged but never shown to the IdP.
 */
final class ScimFailureHandler implements Handler<RoutingContext> {

  private static final System.Logger LOG = System.getLogger(ScimFailureHandler.class.getName());

  @Override
  public void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    ScimFailure error;
    if (failure == null) {
      error = ScimErrors.forStatus(ctx.statusCode());
    } else {
      error = ScimErrors.from(failure);
      if (!(failure instanceof ScimFailure) && error.status() >= 500) {
        LOG.log(Level.ERROR, "unexpected failure on " + ctx.request().method() + " " + ctx.request().path(), failure);
      }
    }
    ScimResponses.error(ctx, error);
  }
}
