package dev.scimgateway.adapter.support.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** How long a 429 pauses the team: the upstream's hints when it sends any, else the window. */
class RateLimitHintsTest {

  private static final Duration WINDOW = Duration.ofSeconds(60);
  private static final long NOW = 1_700_000_000_000L;

  private static Duration pause(String... headers) {
    MultiMap map = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < headers.length; i += 2) {
      map.add(headers[i], headers[i + 1]);
    }
    return RateLimitHints.pause(map, WINDOW, NOW);
  }

  @Test
  void withoutHintsTheWholeWindow() {
    assertEquals(WINDOW, pause());
    assertEquals(WINDOW, pause("Retry-After", "soon"));
  }

  @Test
  void retryAfterInSecondsOrAsAnHttpDate() {
    assertEquals(Duration.ofSeconds(7), pause("Retry-After", "7"));
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(NOW + 12_000).atOffset(ZoneOffset.UTC));
    assertEquals(Duration.ofSeconds(12), pause("Retry-After", date));
  }

  @Test
  void postmansGeneralApiHeaders() {
    assertEquals(Duration.ofSeconds(9), pause("X-RateLimit-RetryAfter", "9"));
    assertEquals(Duration.ofSeconds(4), pause("RetryAfter", "4"));
    assertEquals(Duration.ofSeconds(30), pause("RateLimit-Reset", "30"));
    assertEquals(Duration.ofSeconds(20), pause("X-RateLimit-Reset", String.valueOf(NOW / 1000 + 20)), "epoch seconds");
    assertEquals(Duration.ofSeconds(15), pause("RateLimit", "limit=300, remaining=0, reset=15"));
  }

  @Test
  void theLongestHintWinsAndTinyOnesAreRoundedUpToASecond() {
    assertEquals(Duration.ofSeconds(30), pause("Retry-After", "5", "RateLimit-Reset", "30"));
    assertEquals(Duration.ofSeconds(1), pause("Retry-After", "0"));
    assertEquals(Duration.ofMillis(300), RateLimitHints.pause(MultiMap.caseInsensitiveMultiMap().add("Retry-After", "0"),
        Duration.ofMillis(300), NOW), "never more than a window below a second");
  }

  @Test
  void anAbsurdHintIsCappedAtAnHour() {
    assertEquals(Duration.ofHours(1), pause("Retry-After", "86400"));
  }
}
