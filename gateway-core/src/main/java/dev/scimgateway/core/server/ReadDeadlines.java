package dev.scimgateway.core.server;

import dev.scimgateway.core.config.ConnectionLimits;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes connections that send too slowly, which the idle timeout alone cannot catch: one byte now
 * and then keeps a connection from ever being idle. A connection must complete its request line and
 * headers within {@code headerReadTimeout} of opening, and each body within {@code bodyReadTimeout}
 * of its headers; after a request was read, the next one must be complete within the time its answer
 * may take plus {@code idleTimeout} plus {@code headerReadTimeout}.
 */
final class ReadDeadlines {

  private final Vertx vertx;
  private final ConnectionLimits limits;
  private final Duration nextRequestWithin;
  private final Map<HttpConnection, Deadline> deadlines = new ConcurrentHashMap<>();

  ReadDeadlines(Vertx vertx, ConnectionLimits limits, Duration requestTimeout) {
    this.vertx = vertx;
    this.limits = limits;
    this.nextRequestWithin = requestTimeout.plus(limits.idleTimeout()).plus(limits.headerReadTimeout());
  }

  /** For {@code HttpServer.connectionHandler}. */
  void opened(HttpConnection connection) {
    Deadline deadline = new Deadline(connection);
    deadlines.put(connection, deadline);
    connection.closeHandler(closed -> {
      Deadline closing = deadlines.remove(connection);
      if (closing != null) {
        closing.cancel();
      }
    });
    deadline.arm(limits.headerReadTimeout());
  }

  /** Wraps the request handler: the headers are in; the body must follow in time. */
  Handler<HttpServerRequest> watching(Handler<HttpServerRequest> next) {
    return request -> {
      Deadline deadline = deadlines.get(request.connection());
      if (deadline != null) {
        if (request.isEnded()) {
          deadline.arm(nextRequestWithin);
        } else {
          deadline.arm(limits.bodyReadTimeout());
          request.end().onSuccess(read -> deadline.arm(nextRequestWithin));
        }
      }
      next.handle(request);
    };
  }

  private final class Deadline {

    private final HttpConnection connection;
    private long timer = -1;

    Deadline(HttpConnection connection) {
      this.connection = connection;
    }

    void arm(Duration within) {
      cancel();
      timer = vertx.setTimer(within.toMillis(), fired -> connection.close());
    }

    void cancel() {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
      }
    }
  }
}
