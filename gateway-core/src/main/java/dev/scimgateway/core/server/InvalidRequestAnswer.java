package dev.scimgateway.core.server;

import dev.scimgateway.adapter.api.ScimFailure;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers what the HTTP decoder could not parse (a malformed request line or header, a line or
 * headers too long) with a SCIM error instead of Vert.x's empty one, then closes the connection: after
 * a decoding error the rest of the stream cannot be trusted to start a request.
 */
final class InvalidRequestAnswer implements Handler<HttpServerRequest> {

  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
    ScimFailure error = cause instanceof TooLongHttpLineException ? HttpLayerErrors.URI_TOO_LONG
        : cause instanceof TooLongHttpHeaderException ? HttpLayerErrors.HEADERS_TOO_LARGE
        : HttpLayerErrors.MALFORMED_REQUEST;
    request.response().putHeader(HttpHeaders.CONNECTION, "close");
    ScimResponses.error(request.response(), error);
    request.connection().close();
  }
}
