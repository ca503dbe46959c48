package dev.scimgateway.adapter.support.budget;

import java.time.Duration;
import java.util.Objects;

/**
 * The request budget of one upstream team, as one tenant configured it: how many reads and writes the
 * team may make in any window. Adapters configure it as {@code rateLimit: {reads, writes, perSeconds}}.
 *
 * @param reads GET and HEAD requests the team may make per window
 * @param writes POST, PUT, PATCH and DELETE requests the team may make per window
 * @param window the sliding window both limits count over
 * @param explicit whether the tenant configured reads, writes or the window (not all defaults); when
 *     tenants share a team, configured limits win over defaults
 */
public record BudgetLimits(int reads, int writes, Duration window, boolean explicit) {

  public BudgetLimits {
    if (reads < 1 || writes < 1) {
      throw new IllegalArgumentException("reads and writes must be at least 1");
    }
    Objects.requireNonNull(window, "window");
  }

  /** Whether {@code other} allows the same reads and writes in the same window, configured or not. */
  public boolean sameLimits(BudgetLimits other) {
    return reads == other.reads && writes == other.writes && window.equals(other.window);
  }

  /** E.g. {@code 180 writes and 300 reads per 60 s}. */
  public String describe() {
    return writes + " writes and " + reads + " reads per " + window.toSeconds() + " s";
  }
}
