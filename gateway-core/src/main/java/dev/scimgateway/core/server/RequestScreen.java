package dev.scimgateway.core.server;

import dev.scimgateway.adapter.api.ScimFailure;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.List;
import java.util.Locale;

/**
 * Refuses, before routing, requests whose framing or addressing is malformed, with a SCIM 400:
 * a {@code Transfer-Encoding} other than {@code chunked} alone (RFC 9112 §6.3: the body's end cannot be
 * known, so the connection is closed too), and an HTTP/1.1 request without exactly one well-formed
 * {@code Host} (RFC 9112 §3.2), and a request line of an HTTP version other than 1.0 and 1.1 (a 400
 * rather than a 505: over a plain HTTP/1 stream such a line is malformed). Everything else goes on to
 * {@code next}.
 */
final class RequestScreen implements Handler<HttpServerRequest> {

  private final Handler<HttpServerRequest> next;

  RequestScreen(Handler<HttpServerRequest> next) {
    this.next = next;
  }

  @Override
  public void handle(HttpServerRequest request) {
    if (request.version() == null) {
      refuseAndClose(request, HttpLayerErrors.UNKNOWN_VERSION);
      return;
    }
    List<String> transferEncodings = request.headers().getAll(HttpHeaders.TRANSFER_ENCODING);
    if (!transferEncodings.isEmpty() && !isChunkedAlone(transferEncodings)) {
      refuseAndClose(request, HttpLayerErrors.BAD_FRAMING);
      return;
    }
    List<String> hosts = request.headers().getAll(HttpHeaders.HOST);
    boolean hostRequired = request.version() != HttpVersion.HTTP_1_0;
    if (hosts.size() > 1
        || (hosts.size() == 1 && RequestOrigin.authority(hosts.get(0).trim()).isEmpty())
        || (hosts.isEmpty() && hostRequired)) {
      refuse(request, HttpLayerErrors.BAD_HOST);
      return;
    }
    next.handle(request);
  }

  private static boolean isChunkedAlone(List<String> values) {
    return values.size() == 1 && values.get(0).trim().toLowerCase(Locale.ROOT).equals("chunked");
  }

  private static void refuse(HttpServerRequest request, ScimFailure error) {
    ScimResponses.error(request.response(), error);
  }

  private static void refuseAndClose(HttpServerRequest request, ScimFailure error) {
    request.response().putHeader(HttpHeaders.CONNECTION, "close");
    ScimResponses.error(request.response(), error);
    request.connection().close();
  }
}
