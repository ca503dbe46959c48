package dev.scimgateway.core.observability;

import java.time.Instant;

/**
 * Writes an instant exactly as {@link Instant#toString()} does, with the date and time of day made
 * once per second instead of once per line ({@code DateTimeFormatter} was a per-request cost).
 */
final class LogTimestamp {

  /** {@code 2026-11-25T10:00:00}: an epoch second without its {@code Z}. */
  private record Second(long epochSecond, String text) {}

  private static volatile Second last = new Second(Long.MIN_VALUE, "");

  private LogTimestamp() {}

  static StringBuilder append(StringBuilder line, Instant instant) {
    long epochSecond = instant.getEpochSecond();
    Second second = last;
    if (second.epochSecond() != epochSecond) {
      String text = Instant.ofEpochSecond(epochSecond).toString();
      second = new Second(epochSecond, text.substring(0, text.length() - 1));
      last = second;
    }
    line.append(second.text());
    int nanos = instant.getNano();
    if (nanos > 0) {
      // As many digits as needed, in groups of three (DateTimeFormatter.ISO_INSTANT).
      line.append('.');
      int divisor = 100_000_000;
      for (int i = 0; nanos > 0 || i % 3 != 0; i++) {
        int digit = nanos / divisor;
        line.append((char) ('0' + digit));
        nanos -= digit * divisor;
        divisor /= 10;
      }
    }
    return line.append('Z');
  }

  static String of(Instant instant) {
    return append(new StringBuilder(32), instant).toString();
  }
}
