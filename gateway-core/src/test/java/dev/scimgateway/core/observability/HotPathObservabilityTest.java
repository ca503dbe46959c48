package dev.scimgateway.core.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The per-request observability work that the benchmarks made cheaper still says the same thing. */
class HotPathObservabilityTest {

  @Test
  void textLinesQuoteOnlyWhatNeedsQuotingAndSkipNulls() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("requestId", "okta-7f3a");
    fields.put("skipped", null);
    fields.put("status", 201);
    fields.put("attributes", "[active, userName]");
    fields.put("empty", "");
    fields.put("tricky", "a\"b\\c=d");
    fields.put("latencyMs", 48.2);

    String line = LogFormat.TEXT.format("request", fields);

    String expected = " request requestId=okta-7f3a status=201 attributes=\"[active, userName]\" empty=\"\""
        + " tricky=\"a\\\"b\\\\c=d\" latencyMs=48.2";
    assertTrue(line.endsWith(expected), line);
    assertTrue(line.substring(0, line.length() - expected.length()).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z"), line);
  }

  @Test
  void timestampsAreWrittenAsInstantWritesThem() {
    long[] seconds = {0, 59, 60, 1_764_000_000L, 1_764_000_059L, 253_402_300_799L};
    int[] nanos = {0, 1, 999, 1_000, 120_000_000, 15_051_712, 999_999_999, 500_000, 7};
    for (long second : seconds) {
      for (int nano : nanos) {
        Instant instant = Instant.ofEpochSecond(second, nano);
        assertEquals(instant.toString(), LogTimestamp.of(instant));
      }
    }
    Instant now = Instant.now();
    assertEquals(now.toString(), LogTimestamp.of(now));
    assertEquals(now.plusSeconds(1).toString(), LogTimestamp.of(now.plusSeconds(1)));
  }

  @Test
  void offeredRequestIdsAreTakenWhenTheyArePlainTokens() {
    java.util.regex.Pattern safe = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    for (String offered : new String[] {"okta-7f3a", "a", "A.b_c:d-9", "x".repeat(128), "x".repeat(129), "", "a b",
        "id\nforged=1", "ü", "a/b", "a=b", "\"q\"", "[1]"}) {
      assertEquals(safe.matcher(offered).matches(), RequestLogHandler.isSafeRequestId(offered), offered);
    }
    assertFalse(RequestLogHandler.isSafeRequestId(null));
  }

  @Test
  void aTextLineWithoutFieldsKeepsItsShape() {
    assertTrue(LogFormat.TEXT.format("audit", Map.of()).endsWith(" audit "));
  }

  @Test
  void requestIdsAreDistinctVersion4Uuids() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RequestLogHandler.newRequestId();
      UUID uuid = UUID.fromString(id);
      assertEquals(4, uuid.version(), id);
      assertEquals(2, uuid.variant(), id);
      assertEquals(id, uuid.toString());
      assertTrue(seen.add(id), "a repeated id: " + id);
    }
  }

  @Test
  void requestTimersAreRegisteredOnceAndKeepCounting() {
    GatewayMetrics metrics = GatewayMetrics.create();

    metrics.idpRequest("acme", "Users", "get", 200, Duration.ofMillis(3));
    metrics.idpRequest("acme", "Users", "get", 200, Duration.ofMillis(5));
    metrics.idpRequest("acme", "Users", "get", 404, Duration.ofMillis(1));

    Timer ok = metrics.registry().find("scim.gateway.requests").tags("tenant", "acme", "status", "200").timer();
    Timer notFound = metrics.registry().find("scim.gateway.requests").tags("status", "404").timer();
    assertEquals(2, ok.count());
    assertEquals(1, notFound.count());
    assertEquals(2, metrics.registry().find("scim.gateway.requests").timers().size());
  }

  @Test
  void upstreamTimersAreRegisteredOnceAndKeepCounting() {
    GatewayMetrics metrics = GatewayMetrics.create();
    var telemetry = metrics.telemetry("acme", "postman");

    telemetry.upstreamCall("GET /Users/{id}", 200, Duration.ofMillis(2), false);
    telemetry.upstreamCall("GET /Users/{id}", 200, Duration.ofMillis(2), false);
    telemetry.upstreamCall("POST /Users", 201, Duration.ofMillis(2), false);

    assertEquals(2, metrics.registry().find("scim.gateway.upstream.requests")
        .tags("tenant", "acme", "adapter", "postman", "operation", "GET /Users/{id}", "status", "200").timer().count());
    assertEquals(2, metrics.registry().find("scim.gateway.upstream.requests").timers().size());
  }
}
