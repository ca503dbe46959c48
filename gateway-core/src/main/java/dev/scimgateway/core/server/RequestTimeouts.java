package dev.scimgateway.core.server;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Fails a request not answered within the request timeout with {@code 503} (which {@link ScimFailureHandler}
 * answers), as Vert.x Web's {@code TimeoutHandler} does, but without a timer per request: each request is
 * queued in arrival order with its deadline, and one periodic sweep, running while requests are queued,
 * drops the answered ones from the front and fails those past their deadline. A timeout so fires up to a
 * tenth of the timeout late (at most a second), never early.
 *
 * <p>A {@link PlatformHandler}, so that it runs before the body is read, as Vert.x Web's does. Every loop has
 * its own router and so its own instance: the queue is touched by one thread only.
 */
final class RequestTimeouts implements PlatformHandler {

  private static final long MIN_SWEEP_MILLIS = 10;
  private static final long MAX_SWEEP_MILLIS = 1_000;
  private static final int TIMED_OUT = 503;

  private final Vertx vertx;
  private final long timeoutNanos;
  private final long sweepMillis;
  private final ArrayDeque<InFlight> queued = new ArrayDeque<>();
  private long sweeper = -1;

  RequestTimeouts(Vertx vertx, Duration timeout) {
    this.vertx = vertx;
    this.timeoutNanos = timeout.toNanos();
    this.sweepMillis = Math.max(MIN_SWEEP_MILLIS, Math.min(MAX_SWEEP_MILLIS, timeout.toMillis() / 10));
  }

  @Override
  public void handle(RoutingContext ctx) {
    InFlight request = new InFlight(ctx, System.nanoTime() + timeoutNanos);
    // Answered requests leave only their deadline queued, not the request they held.
    request.endHandler = ctx.addEndHandler(ended -> request.ctx = null);
    queued.addLast(request);
    if (sweeper < 0) {
      sweeper = vertx.setPeriodic(sweepMillis, tick -> sweep());
    }
    ctx.next();
  }

  private void sweep() {
    long now = System.nanoTime();
    InFlight first;
    while ((first = queued.peekFirst()) != null && (first.ctx == null || now - first.deadlineNanos >= 0)) {
      queued.pollFirst();
      first.expire();
    }
    if (queued.isEmpty()) {
      vertx.cancelTimer(sweeper);
      sweeper = -1;
    }
  }

  private static final class InFlight {

    private RoutingContext ctx;
    private final long deadlineNanos;
    private int endHandler;

    InFlight(RoutingContext ctx, long deadlineNanos) {
      this.ctx = ctx;
      this.deadlineNanos = deadlineNanos;
    }

    /** Fails the request unless it was answered, or its router restarted it (which drops its end handlers). */
    void expire() {
      RoutingContext unanswered = ctx;
      if (unanswered == null || !unanswered.removeEndHandler(endHandler)) {
        return;
      }
      ctx = null;
      if (!unanswered.request().isEnded()) {
        unanswered.request().resume();
      }
      unanswered.fail(TIMED_OUT);
    }
  }
}
