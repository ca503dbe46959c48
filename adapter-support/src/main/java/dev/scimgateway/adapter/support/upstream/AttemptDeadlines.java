package dev.scimgateway.adapter.support.upstream;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.StreamResetException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Bounds each upstream attempt of one event loop's client, from its request to the last byte of its
 * answer, by the request timeout. Vert.x's own request timeout sets and cancels a timer for every
 * request (a measurable share of a GET) and stops once the answer's head has come, so a body that
 * stalls would hold its connection and its budget slot for good. Here the attempts are queued in the
 * order they were sent, all with the same timeout, and one periodic sweep, running while attempts are
 * queued, drops the finished ones from the front and resets those past their deadline, which fails
 * them with a {@link TimeoutException} (see {@link #cause}). A timeout so fires up to a tenth of the
 * timeout late (at most a second), never early.
 *
 * <p>Used from its loop's thread, and from any thread by the client for callers off the loops: every
 * method is synchronized, which costs next to nothing uncontended.
 */
final class AttemptDeadlines {

  private static final long MIN_SWEEP_MILLIS = 10;
  private static final long MAX_SWEEP_MILLIS = 1_000;

  private final Vertx vertx;
  private final Duration timeout;
  private final long timeoutNanos;
  private final long sweepMillis;
  private final ArrayDeque<Attempt> queued = new ArrayDeque<>();
  private long sweeper = -1;

  AttemptDeadlines(Vertx vertx, Duration timeout) {
    this.vertx = vertx;
    this.timeout = timeout;
    this.timeoutNanos = timeout.toNanos();
    this.sweepMillis = Math.max(MIN_SWEEP_MILLIS, Math.min(MAX_SWEEP_MILLIS, timeout.toMillis() / 10));
  }

  /** {@code answer}, the answer to {@code request}, failed by a reset once it outlasts the timeout. */
  <T> Future<T> bound(HttpClientRequest request, Future<T> answer) {
    Attempt attempt = new Attempt(request, System.nanoTime() + timeoutNanos);
    synchronized (this) {
      queued.addLast(attempt);
      if (sweeper < 0) {
        sweeper = vertx.setPeriodic(sweepMillis, tick -> sweep());
      }
    }
    return answer.onComplete(done -> attempt.finish());
  }

  /**
   * The failure as the caller should see it: the {@link TimeoutException} of an attempt reset here, or
   * {@code failure} itself.
   */
  static Throwable cause(Throwable failure) {
    return failure instanceof StreamResetException reset && reset.getCause() instanceof TimeoutException timedOut
        ? timedOut
        : failure;
  }

  private void sweep() {
    long now = System.nanoTime();
    List<Attempt> expired = new ArrayList<>();
    synchronized (this) {
      Attempt first;
      while ((first = queued.peekFirst()) != null && (first.isFinished() || now - first.deadlineNanos >= 0)) {
        queued.pollFirst();
        if (!first.isFinished()) {
          expired.add(first);
        }
      }
      if (queued.isEmpty()) {
        vertx.cancelTimer(sweeper);
        sweeper = -1;
      }
    }
    expired.forEach(attempt -> attempt.expire(timeout)); // what a failure sets off runs outside the lock
  }

  private static final class Attempt {

    private volatile HttpClientRequest request;
    private final long deadlineNanos;

    Attempt(HttpClientRequest request, long deadlineNanos) {
      this.request = request;
      this.deadlineNanos = deadlineNanos;
    }

    /** A finished attempt leaves only its deadline queued, not the request it held. */
    void finish() {
      request = null;
    }

    boolean isFinished() {
      return request == null;
    }

    /** Resets the request unless its answer came in full meanwhile. */
    void expire(Duration timeout) {
      HttpClientRequest unanswered = request;
      if (unanswered == null) {
        return;
      }
      request = null;
      unanswered.reset(0, new TimeoutException("no complete answer to " + unanswered.getMethod() + " within "
          + timeout.toMillis() + " ms"));
    }
  }
}
