package dev.scimgateway.postman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ConfigSection;
import dev.scimgateway.adapter.api.InvalidConfigException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tenant's {@code postman:} section: every key, its default, the old key, and mistakes. */
class PostmanSettingsTest {

  private static final String KEY = "PMAK-secret-settings-key";

  private static PostmanSettings parse(String extraJson) {
    ObjectNode node = PostmanTestSupport.json("{\"baseUrl\":\"https://api.getpostman.com/scim/v2/\",\"apiKey\":\"" + KEY + "\""
        + (extraJson.isEmpty() ? "" : "," + extraJson) + "}");
    return PostmanSettings.from(new ConfigSection("tenants.acme.postman", node));
  }

  @Test
  void defaultsMatchPostmansDocumentedLimitsAndStayInsideIdpTimeouts() {
    PostmanSettings settings = parse("");

    assertEquals("https://api.getpostman.com/scim/v2", settings.base());
    assertEquals(Duration.ofSeconds(10), settings.requestTimeout());
    assertEquals(300, settings.rateLimit().reads());
    assertEquals(180, settings.rateLimit().writes());
    assertEquals(Duration.ofSeconds(60), settings.rateLimit().window());
    assertEquals(1000, settings.rateLimit().maxQueue());
    assertEquals(Duration.ofSeconds(15), settings.rateLimit().maxWait());
    assertFalse(settings.rateLimit().explicit());
    assertEquals(3, settings.retry().maxAttempts());
    assertEquals(Duration.ofMillis(200), settings.retry().initialBackoff());
    assertEquals(100_000, settings.idCache().maxSize());
    assertFalse(settings.idCache().warmUp());
    assertEquals(1000, settings.groups().maxMembersPerRequest(), "what the simulator takes in one group request");
  }

  @Test
  void everyKeyIsRead() {
    PostmanSettings settings = parse("""
        "requestTimeoutMillis": 1500,
        "rateLimit": {"reads": 30, "writes": "18", "perSeconds": 6, "maxQueue": 7, "maxWaitMillis": 900},
        "retry": {"maxAttempts": 5, "initialBackoffMillis": 50},
        "idCache": {"maxSize": 10, "warmUp": true, "recentUserSeconds": 0},
        "groups": {"maxMembersPerRequest": 250}""");

    assertEquals(Duration.ofMillis(1500), settings.requestTimeout());
    assertEquals(new PostmanSettings.RateLimit(30, 18, Duration.ofSeconds(6), 7, Duration.ofMillis(900), true), settings.rateLimit());
    assertEquals(new PostmanSettings.Retry(5, Duration.ofMillis(50)), settings.retry());
    assertEquals(new PostmanSettings.IdCache(10, true, Duration.ZERO), settings.idCache());
    assertEquals(new PostmanSettings.Groups(250), settings.groups());
  }

  @Test
  void theOldRequestsKeyIsTheWriteBudget() {
    PostmanSettings settings = parse("\"rateLimit\": {\"requests\": 120, \"perSeconds\": 60}");

    assertEquals(120, settings.rateLimit().writes());
    assertEquals(120, settings.rateLimitRequests());
    assertEquals(300, settings.rateLimit().reads());
    assertTrue(settings.rateLimit().explicit());
  }

  @Test
  void queueAndWaitAloneDoNotSetTheTeamsBudget() {
    assertFalse(parse("\"rateLimit\": {\"maxQueue\": 5, \"maxWaitMillis\": 1000}").rateLimit().explicit());
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("\"rateLimit\": {\"requests\": 1, \"writes\": 2}", "tenants.acme.postman.rateLimit.requests: is the older name of writes"),
        Arguments.of("\"rateLimit\": {\"write\": 2}", "tenants.acme.postman.rateLimit.write: unknown key"),
        Arguments.of("\"rateLimit\": {\"reads\": 0}", "tenants.acme.postman.rateLimit.reads: must be between 1 and"),
        Arguments.of("\"rateLimit\": {\"maxWaitMillis\": \"soon\"}", "tenants.acme.postman.rateLimit.maxWaitMillis: must be a whole number"),
        Arguments.of("\"retry\": {\"attempts\": 2}", "tenants.acme.postman.retry.attempts: unknown key"),
        Arguments.of("\"retry\": {\"maxAttempts\": 0}", "tenants.acme.postman.retry.maxAttempts: must be between 1 and 10"),
        Arguments.of("\"idCache\": {\"warmUp\": \"yes\"}", "tenants.acme.postman.idCache.warmUp: must be true or false, got 'yes'"),
        Arguments.of("\"idCache\": {\"size\": 1}", "tenants.acme.postman.idCache.size: unknown key"),
        Arguments.of("\"idcache\": {}", "tenants.acme.postman.idcache: unknown key"),
        Arguments.of("\"groups\": {\"maxMembersPerRequest\": 0}", "tenants.acme.postman.groups.maxMembersPerRequest: must be between 1 and"),
        Arguments.of("\"groups\": {\"maxMembers\": 10}", "tenants.acme.postman.groups.maxMembers: unknown key"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("mistakes")
  void mistakesNameTheirKey(String extraJson, String message) {
    InvalidConfigException error = assertThrows(InvalidConfigException.class, () -> parse(extraJson));

    assertTrue(error.getMessage().startsWith(message), error.getMessage());
    assertFalse(error.getMessage().contains(KEY));
  }

  @Test
  void theApiKeyNeverAppearsInToString() {
    String text = parse("").toString();

    assertFalse(text.contains(KEY), text);
    assertTrue(text.contains("apiKey=<redacted>"), text);
  }

  @Test
  void theFirstVersionsConstructorStillWorks() {
    PostmanSettings settings = new PostmanSettings(java.net.URI.create("http://localhost/scim/v2"), KEY, 50,
        Duration.ofSeconds(2), Duration.ofSeconds(1));

    assertEquals(50, settings.rateLimit().writes());
    assertEquals(Duration.ofSeconds(2), settings.rateLimitWindow());
  }
}
