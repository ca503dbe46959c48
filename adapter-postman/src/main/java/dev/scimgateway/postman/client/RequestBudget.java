package dev.scimgateway.postman.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps requests to one Postman team within "N requests in any window", handing out send times in
 * arrival order.
 *
 * <p>Postman refuses "180 attempts in less than a minute", i.e. it counts over a sliding window. A
 * token bucket (Bucket4j) would let a full bucket burst N and then refill N more within the same
 * window, up to 2N in some minute, so this keeps the send times of the last N requests instead: the
 * next request may go once the N-th last has left the window.
 */
public final class RequestBudget {

  private final int limit;
  private final long windowNanos;
  private final long maxWaitNanos;
  private final Deque<Long> lastSendTimes = new ArrayDeque<>();

  /**
   * @param limit requests allowed per window
   * @param window the window; a small margin is added for clock and network differences
   * @param maxWait the longest a request may wait for its turn before it is refused
   */
  public RequestBudget(int limit, Duration window, Duration maxWait) {
    this.limit = limit;
    Duration margin = window.dividedBy(100).compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50) : window.dividedBy(100);
    this.windowNanos = window.plus(margin).toNanos();
    this.maxWaitNanos = maxWait.toNanos();
  }

  /**
   * Reserves the next send time. Returns how long to wait before sending (0 to send now), or a
   * negative number when the wait would exceed the bound: then nothing is reserved and
   * {@code -result} is the time until a slot frees up.
   */
  public synchronized long reserve(long nowNanos) {
    long sendAt = lastSendTimes.size() < limit ? nowNanos : Math.max(nowNanos, lastSendTimes.peekFirst() + windowNanos);
    long wait = sendAt - nowNanos;
    if (wait > maxWaitNanos) {
      return -wait;
    }
    lastSendTimes.addLast(sendAt);
    if (lastSendTimes.size() > limit) {
      lastSendTimes.removeFirst();
    }
    return wait;
  }
}
