package dev.scimgateway.adapter.support.upstream;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long an upstream asks to wait after a 429, from the headers it sent: {@code Retry-After}
 * (seconds or an HTTP date), {@code X-RateLimit-RetryAfter}, {@code RetryAfter},
 * {@code RateLimit-Reset}/{@code X-RateLimit-Reset} (seconds from now, or epoch seconds) and
 * {@code RateLimit: limit=…, remaining=…, reset=…}. Whichever of them is present is honoured (the
 * longest wins). Without any, the whole window is waited out. (Postman documents no headers for its
 * SCIM API, but its general API sends these.)
 */
public final class RateLimitHints {

  /** Resets this large are epoch seconds rather than seconds from now. */
  private static final long EPOCH_THRESHOLD = 1_000_000_000L;
  /** An absurd hint is not obeyed for longer than this. */
  private static final Duration MAX_PAUSE = Duration.ofHours(1);
  private static final Pattern RESET_PARAMETER = Pattern.compile("(?:^|[,;\\s])reset\\s*=\\s*(\\d+)");

  private RateLimitHints() {}

  /**
   * The pause after a 429: the longest hint in {@code headers}, else {@code window}; never less than
   * the smaller of one second and the window, never more than an hour.
   *
   * @param nowEpochMillis the current time, for HTTP dates and epoch-second resets
   */
  public static Duration pause(MultiMap headers, Duration window, long nowEpochMillis) {
    long best = -1;
    for (String name : new String[] {"Retry-After", "X-RateLimit-RetryAfter", "RetryAfter"}) {
      OptionalLong millis = retryAfter(headers.get(name), nowEpochMillis);
      if (millis.isPresent()) {
        best = Math.max(best, millis.getAsLong());
      }
    }
    for (String name : new String[] {"RateLimit-Reset", "X-RateLimit-Reset"}) {
      OptionalLong millis = reset(headers.get(name), nowEpochMillis);
      if (millis.isPresent()) {
        best = Math.max(best, millis.getAsLong());
      }
    }
    String combined = headers.get("RateLimit");
    if (combined != null) {
      Matcher matcher = RESET_PARAMETER.matcher(combined);
      if (matcher.find()) {
        OptionalLong millis = reset(matcher.group(1), nowEpochMillis);
        if (millis.isPresent()) {
          best = Math.max(best, millis.getAsLong());
        }
      }
    }
    Duration pause = best < 0 ? window : Duration.ofMillis(best);
    Duration floor = window.compareTo(Duration.ofSeconds(1)) < 0 ? window : Duration.ofSeconds(1);
    if (pause.compareTo(floor) < 0) {
      return floor;
    }
    return pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause;
  }

  /** Seconds, or an HTTP date (RFC 9110 §10.2.3). */
  private static OptionalLong retryAfter(String value, long nowEpochMillis) {
    if (value == null || value.isBlank()) {
      return OptionalLong.empty();
    }
    String text = value.trim();
    if (text.matches("\\d{1,12}")) {
      return reset(text, nowEpochMillis);
    }
    try {
      long at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
      return OptionalLong.of(Math.max(0, at - nowEpochMillis));
    } catch (DateTimeParseException notADate) {
      return OptionalLong.empty();
    }
  }

  /** Seconds from now, or epoch seconds when large. */
  private static OptionalLong reset(String value, long nowEpochMillis) {
    if (value == null || !value.trim().matches("\\d{1,12}")) {
      return OptionalLong.empty();
    }
    long number = Long.parseLong(value.trim());
    if (number >= EPOCH_THRESHOLD) {
      return OptionalLong.of(Math.max(0, number * 1000 - nowEpochMillis));
    }
    return OptionalLong.of(number * 1000);
  }
}
