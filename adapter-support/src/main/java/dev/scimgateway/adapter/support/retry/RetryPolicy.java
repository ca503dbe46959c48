package dev.scimgateway.adapter.support.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a failed upstream request is tried again: at most {@code maxAttempts} attempts in all, the
 * first included, with an exponential backoff and jitter between them, and never past the request's
 * deadline.
 *
 * @param maxAttempts attempts in all, at least 1
 * @param initialBackoff the wait before the second attempt; it doubles per attempt
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff) {

  /** The longest wait between two attempts. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
  }

  /**
   * The wait before attempt {@code attemptsMade + 1}, or empty when the attempts are used up or the
   * wait would end after {@code deadlineNanos}.
   *
   * @param deadlineNanos a {@link System#nanoTime()} by which the request must be done
   * @param nowNanos the current {@link System#nanoTime()}
   */
  public OptionalLong backoffBeforeNextAttempt(int attemptsMade, long deadlineNanos, long nowNanos) {
    if (attemptsMade >= maxAttempts) {
      return OptionalLong.empty();
    }
    long backoff = backoffMillis(initialBackoff, attemptsMade);
    if (nowNanos + backoff * 1_000_000L - deadlineNanos > 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(backoff);
  }

  /**
   * The wait before attempt {@code attempt + 1}: {@code initial · 2^(attempt−1)}, half of it fixed and
   * half random ("equal jitter"), capped at {@link #MAX_BACKOFF}.
   */
  public static long backoffMillis(Duration initial, int attempt) {
    long base = initial.toMillis() << Math.min(20, Math.max(0, attempt - 1));
    base = Math.min(base, MAX_BACKOFF.toMillis());
    long half = base / 2;
    return half + ThreadLocalRandom.current().nextLong(base - half + 1);
  }
}
