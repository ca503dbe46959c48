package dev.scimgateway.adapter.support.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Exponential backoff with equal jitter, bounded by the attempts and the request's deadline. */
class RetryPolicyTest {

  private static final long MS = 1_000_000L;

  @Test
  void backoffDoublesWithJitter() {
    for (int attempt = 1; attempt <= 4; attempt++) {
      long base = 100L << (attempt - 1);
      long backoff = RetryPolicy.backoffMillis(Duration.ofMillis(100), attempt);
      assertTrue(backoff >= base / 2 && backoff <= base, "attempt " + attempt + ": " + backoff);
    }
    assertTrue(RetryPolicy.backoffMillis(Duration.ofSeconds(10), 10) <= 30_000, "capped");
  }

  @Test
  void noWaitOnceTheAttemptsAreUsedUp() {
    RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100));

    assertTrue(policy.backoffBeforeNextAttempt(1, 10_000 * MS, 0).isPresent());
    assertTrue(policy.backoffBeforeNextAttempt(2, 10_000 * MS, 0).isPresent());
    assertEquals(OptionalLong.empty(), policy.backoffBeforeNextAttempt(3, 10_000 * MS, 0));
  }

  @Test
  void noWaitThatWouldEndPastTheDeadline() {
    RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(1000));

    assertEquals(OptionalLong.empty(), policy.backoffBeforeNextAttempt(1, 400 * MS, 0), "at least 500 ms of backoff");
    long backoff = policy.backoffBeforeNextAttempt(1, 1_000 * MS, 0).orElseThrow();
    assertTrue(backoff >= 500 && backoff <= 1000, String.valueOf(backoff));
  }

  @Test
  void atLeastOneAttempt() {
    assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ofMillis(100)));
  }
}
