package dev.scimgateway.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The floor of the gateway's stack: a pass-through proxy on the same Vert.x, with the same native transport and
 * one server and one pooled client per event loop, that forwards method, path, {@code Authorization},
 * {@code Content-Type} and body to the upstream and copies its status, {@code Content-Type} and body back. It
 * parses no JSON, checks nothing and logs nothing: what it spends per request is what Vert.x and the kernel
 * take for one proxied request, the part of the gateway's cost that no change to the gateway's own code removes.
 */
final class VertxProxy extends VerticleBase {

  private final int port;
  private final int upstreamPort;
  private HttpClient client;

  private VertxProxy(int port, int upstreamPort) {
    this.port = port;
    this.upstreamPort = upstreamPort;
  }

  /** {@code vertx-proxy --port P --upstream U}: runs until killed, on as many event loops as there are cores. */
  static void main(int port, int upstreamPort) {
    int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
    Vertx vertx = Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops)).build();
    vertx.deployVerticle(() -> new VertxProxy(port, upstreamPort), new DeploymentOptions().setInstances(loops))
        .onSuccess(id -> System.out.println("Vert.x pass-through on http://" + Net.HOST + ":" + port + " to port "
            + upstreamPort + " (" + loops + " event loops, " + (vertx.isNativeTransportEnabled() ? "native" : "NIO")
            + " transport)"))
        .onFailure(failure -> {
          System.err.println("cannot start the Vert.x pass-through: " + failure);
          System.exit(1);
        });
  }

  @Override
  public Future<?> start() {
    client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setDefaultHost(Net.HOST)
        .setDefaultPort(upstreamPort), new PoolOptions().setHttp1MaxSize(128));
    return vertx.createHttpServer().requestHandler(this::forward).listen(port, Net.HOST);
  }

  private void forward(HttpServerRequest request) {
    RequestOptions call = new RequestOptions().setMethod(request.method()).setURI(request.uri());
    copyHeader(request, call, HttpHeaders.AUTHORIZATION);
    copyHeader(request, call, HttpHeaders.CONTENT_TYPE);
    request.body()
        .compose(body -> client.request(call).compose(upstream -> upstream.send(body)))
        .compose(response -> response.body().map(body -> new Answer(response, body)))
        .onSuccess(answer -> {
          String type = answer.response().getHeader(HttpHeaders.CONTENT_TYPE);
          if (type != null) {
            request.response().putHeader(HttpHeaders.CONTENT_TYPE, type);
          }
          request.response().setStatusCode(answer.response().statusCode()).end(answer.body());
        })
        .onFailure(failure -> request.response().setStatusCode(502).end());
  }

  private static void copyHeader(HttpServerRequest request, RequestOptions call, CharSequence name) {
    String value = request.getHeader(name);
    if (value != null) {
      call.putHeader(name, value);
    }
  }

  private record Answer(HttpClientResponse response, Buffer body) {}
}
