package dev.scimgateway.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Postman's team-level rate limits (digest §3) as two sliding windows, one for writes (POST, PUT, PATCH, DELETE)
 * and one for reads (GET). A request is refused when the requests of its class accepted within the last window
 * already reach the limit; refused requests do not count. Thread-safe.
 */
final class RequestBudget {

  private final Window writes;
  private final Window reads;
  private final LongSupplier nanoClock;
  private long refused;

  RequestBudget(int writesPerWindow, int readsPerWindow, long windowNanos, LongSupplier nanoClock) {
    this.writes = new Window(writesPerWindow, windowNanos);
    this.reads = new Window(readsPerWindow, windowNanos);
    this.nanoClock = nanoClock;
  }

  /** GET and HEAD are reads; every other method is a write. */
  static boolean isWrite(String method) {
    return !method.equals("GET") && !method.equals("HEAD");
  }

  /** Counts the request and returns true, or returns false when its window is full. */
  synchronized boolean tryAcquire(boolean write) {
    boolean accepted = (write ? writes : reads).tryAcquire(nanoClock.getAsLong());
    if (!accepted) {
      refused++;
    }
    return accepted;
  }

  synchronized int limit(boolean write) {
    return (write ? writes : reads).limit;
  }

  /** The most requests of a class accepted within any one window since the last reset. */
  synchronized int maxInAnyWindow(boolean write) {
    return (write ? writes : reads).maxSeen;
  }

  synchronized long refusedCount() {
    return refused;
  }

  synchronized void reset() {
    writes.reset();
    reads.reset();
    refused = 0;
  }

  private static final class Window {
    private final int limit;
    private final long windowNanos;
    private final Deque<Long> accepted = new ArrayDeque<>();
    private int maxSeen;

    Window(int limit, long windowNanos) {
      this.limit = limit;
      this.windowNanos = windowNanos;
    }

    boolean tryAcquire(long now) {
      while (!accepted.isEmpty() && now - accepted.peekFirst() >= windowNanos) {
        accepted.pollFirst();
      }
      if (accepted.size() >= limit) {
        return false;
      }
      accepted.addLast(now);
      maxSeen = Math.max(maxSeen, accepted.size());
      return true;
    }

    void reset() {
      accepted.clear();
      maxSeen = 0;
    }
  }
}
