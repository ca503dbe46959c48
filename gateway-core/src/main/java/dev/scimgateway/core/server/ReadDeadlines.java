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
 *
 * <p>A request only moves its connection's deadline (a clock read and a field write); one periodic sweep,
 * running while connections are open, closes those past theirs. A deadline is so enforced up to a tenth of the
 * shorter read timeout late (at most a second), never early.
 */
final class ReadDeadlines {

  private static final long MIN_SWEEP_MILLIS = 10;
  private static final long MAX_SWEEP_MILLIS = 1_000;

  private final Vertx vertx;
  private final long headerReadNanos;
  private final long bodyReadNanos;
  private final long nextRequestNanos;
  private final long sweepMillis;
  private final Map<HttpConnection, Deadline> deadlines = new ConcurrentHashMap<>();
  private long sweeper = -1;

  ReadDeadlines(Vertx vertx, ConnectionLimits limits, Duration requestTimeout) {
    this.vertx = vertx;
    this.headerReadNanos = limits.headerReadTimeout().toNanos();
    this.bodyReadNanos = limits.bodyReadTimeout().toNanos();
    this.nextRequestNanos = requestTimeout.plus(limits.idleTimeout()).plus(limits.headerReadTimeout()).toNanos();
    long shorter = Math.min(limits.headerReadTimeout().toMillis(), limits.bodyReadTimeout().toMillis());
    this.sweepMillis = Math.max(MIN_SWEEP_MILLIS, Math.min(MAX_SWEEP_MILLIS, shorter / 10));
  }

  /** For {@code HttpServer.connectionHandler}. */
  void opened(HttpConnection connection) {
    Deadline deadline = new Deadline(connection);
    deadline.moveTo(headerReadNanos);
    deadlines.put(connection, deadline);
    sweepWhileOpen();
    connection.closeHandler(closed -> {
      deadlines.remove(connection);
      stopSweepingWhenNoneOpen();
    });
  }

  /** Wraps the request handler: the headers are in; the body must follow in time. */
  Handler<HttpServerRequest> watching(Handler<HttpServerRequest> next) {
    return request -> {
      Deadline deadline = deadlines.get(request.connection());
      if (deadline != null) {
        if (request.isEnded()) {
          deadline.moveTo(nextRequestNanos);
        } else {
          deadline.moveTo(bodyReadNanos);
          request.end().onSuccess(read -> deadline.moveTo(nextRequestNanos));
        }
      }
      next.handle(request);
    };
  }

  private synchronized void sweepWhileOpen() {
    if (sweeper < 0) {
      sweeper = vertx.setPeriodic(sweepMillis, tick -> sweep());
    }
  }

  private synchronized void stopSweepingWhenNoneOpen() {
    if (deadlines.isEmpty() && sweeper >= 0) {
      vertx.cancelTimer(sweeper);
      sweeper = -1;
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    deadlines.values().forEach(deadline -> {
      if (deadline.passed(now)) {
        deadline.connection.close();
      }
    });
  }

  private static final class Deadline {

    private final HttpConnection connection;
    private volatile long atNanos;

    Deadline(HttpConnection connection) {
      this.connection = connection;
    }

    void moveTo(long withinNanos) {
      atNanos = System.nanoTime() + withinNanos;
    }

    boolean passed(long now) {
      return now - atNanos > 0;
    }
  }
}
