package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Metrics, request lines and audit lines of a running gateway, read the way an operator reads them. */
class ObservabilityTest {

  private GatewayHarness harness;

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void vertxHttpMetricsAreThereWhenAskedFor() {
    harness = GatewayHarness.withVertxHttpMetrics();
    createJane();

    String metrics = scrapeOnceRecorded("operation=\"create\",resource=\"Users\",status=\"201\"");

    assertTrue(metrics.contains("vertx_http_server_requests_total{"), "Vert.x's server meters");
    assertTrue(metrics.contains("vertx_http_client_requests_total{"), "Vert.x's client meters");
    assertEquals(1.0, sample(metrics, "scim_gateway_requests_seconds_count", "operation=\"create\",resource=\"Users\",status=\"201\",tenant=\"acme\""));
  }

  @Test
  void requestMetricsCountWhatTheIdpDid() {
    harness = GatewayHarness.start();
    String id = createJane();
    harness.get(harness.usersPath() + "/" + id);
    harness.get(harness.usersPath() + "/" + id);
    harness.get(harness.usersPath() + "/missing");

    String metrics = scrapeOnceRecorded("operation=\"get\",resource=\"Users\",status=\"404\"");

    assertEquals(1.0, sample(metrics, "scim_gateway_requests_seconds_count", "operation=\"create\",resource=\"Users\",status=\"201\",tenant=\"acme\""));
    assertEquals(2.0, sample(metrics, "scim_gateway_requests_seconds_count", "operation=\"get\",resource=\"Users\",status=\"200\",tenant=\"acme\""));
    assertEquals(1.0, sample(metrics, "scim_gateway_requests_seconds_count", "operation=\"get\",resource=\"Users\",status=\"404\",tenant=\"acme\""));
    assertTrue(metrics.contains("scim_gateway_requests_seconds_bucket{"), "a latency histogram");
    assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM metrics");
    assertFalse(metrics.contains("vertx_http_server_requests_total"), "Vert.x's per-request meters are off by default");
    assertFalse(metrics.contains(id), "no user id as a label");
    assertFalse(metrics.contains("jane@example.com"), "no userName as a label");
  }

  @Test
  void upstreamCallsBudgetAndCacheAreMeasured() {
    harness = GatewayHarness.start();
    String id = createJane();
    harness.get(harness.usersPath() + "?filter=userName%20eq%20%22JANE@example.com%22");
    harness.get(harness.usersPath() + "/" + id);

    String metrics = scrape();

    String postman = "adapter=\"postman\",";
    assertEquals(1.0, sample(metrics, "scim_gateway_upstream_requests_seconds_count",
        postman + "operation=\"POST /Users\",status=\"201\",tenant=\"acme\""));
    assertEquals(1.0, sample(metrics, "scim_gateway_upstream_requests_seconds_count",
        postman + "operation=\"GET /Users/{id}\",status=\"200\",tenant=\"acme\""));
    assertTrue(metrics.contains("scim_gateway_budget_permits_available{adapter=\"postman\",kind=\"writes\""), "budget gauges");
    assertTrue(metrics.contains("scim_gateway_budget_queue_depth{adapter=\"postman\",kind=\"reads\""));
    assertTrue(metrics.contains("scim_gateway_budget_wait_seconds_count{adapter=\"postman\",kind=\"writes\""));
    assertTrue(sample(metrics, "cache_size", "adapter=\"postman\",cache=\"postman.users.by.username\",tenant=\"acme\"") >= 1.0);
    assertTrue(metrics.contains("cache_gets_total{adapter=\"postman\",cache=\"postman.users.by.username\",result=\"hit\",tenant=\"acme\"}"),
        "Caffeine's own statistics");
  }

  @Test
  void translatedErrorsAndUpstreamRateLimitsAreCounted() {
    harness = GatewayHarness.start();
    createJane();
    harness.post(harness.usersPath(), janeBody());

    String metrics = scrape();

    assertTrue(metrics.contains("scim_gateway_upstream_errors_total{adapter=\"postman\",scim_type=\"uniqueness\",status=\"409\","), metrics);
  }

  @Test
  void theRequestLineCountsUpstreamCalls() {
    harness = GatewayHarness.start(SimulatorOptions.defaults(), "", "logging:\n  format: json\n");
    String id = createJane();
    harness.patch(harness.usersPath() + "/" + id, new JsonObject("""
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
          {"op":"replace","path":"name.givenName","value":"Janet"},{"op":"replace","path":"active","value":false}]}"""));

    List<JsonObject> requests = lines("request", 2);

    assertEquals(1, requests.get(0).getInteger("upstreamCalls"), "create: one POST");
    assertEquals("patch", requests.get(1).getString("operation"));
    assertEquals(3, requests.get(1).getInteger("upstreamCalls"), "patch of names and active: GET, PUT, PATCH");
  }

  @Test
  void readyNamesATenantWhoseUpstreamIsUnreachable() {
    harness = GatewayHarness.start(SimulatorOptions.defaults(), "",
        "readiness:\n  probeUpstream: true\n  timeoutMillis: 2000\n");
    assertEquals(200, harness.send(HttpMethod.GET, "/ready", null, null).status());

    GatewayHarness.await(harness.simulator.close());
    var ready = harness.send(HttpMethod.GET, "/ready", null, null);

    assertEquals(503, ready.status());
    assertEquals("DOWN", ready.json().getString("status"));
    JsonObject acme = ready.json().getJsonObject("tenants").getJsonObject("acme");
    assertEquals("DOWN", acme.getString("status"));
    assertTrue(acme.getString("detail").contains("Postman"), acme.encode());
    assertFalse(ready.body().contains(GatewayHarness.API_KEY));
  }

  @Test
  void unknownTenantsAndPathsDoNotCreateLabels() {
    harness = GatewayHarness.start();
    harness.send(HttpMethod.GET, "/scim/v2/made-up-" + System.nanoTime() + "/Users", "guess", null);
    harness.get("/scim/v2/acme/Whatever" + System.nanoTime());

    String metrics = scrape();

    assertTrue(metrics.contains("tenant=\"unknown\""), metrics);
    assertTrue(metrics.contains("resource=\"other\""));
    assertFalse(metrics.contains("made-up-"));
    assertFalse(metrics.contains("Whatever"));
  }

  @Test
  void everyRequestHasOneLineAndItsIdIsEchoed() {
    harness = GatewayHarness.start(SimulatorOptions.defaults(), "", "logging:\n  format: json\n");

    var response = harness.client.get(harness.gateway.port(), "127.0.0.1", harness.usersPath() + "?count=1")
        .putHeader("Authorization", "Bearer " + GatewayHarness.TOKEN)
        .putHeader("X-Request-Id", "okta-req-42")
        .send();
    var answered = GatewayHarness.await(response);
    var unnamed = harness.get(harness.usersPath());

    assertEquals("okta-req-42", answered.getHeader("X-Request-Id"));
    String generated = unnamed.headers().get("X-Request-Id");
    assertTrue(generated != null && generated.length() >= 16, generated);
    List<JsonObject> requests = lines("request", 2);
    assertEquals(2, requests.size(), harness.logLines.toString());
    JsonObject first = requests.get(0);
    assertEquals("okta-req-42", first.getString("requestId"));
    assertEquals("acme", first.getString("tenant"));
    assertEquals("list", first.getString("operation"));
    assertEquals(200, first.getInteger("status"));
    assertTrue(first.containsKey("latencyMs") && first.containsKey("time"));
    assertEquals(generated, requests.get(1).getString("requestId"));
  }

  @Test
  void changesUpstreamAreAuditedWithAttributeNamesNotValues() {
    harness = GatewayHarness.start(SimulatorOptions.defaults(), "", "logging:\n  format: json\n");
    String id = createJane();
    harness.patch(harness.usersPath() + "/" + id, new JsonObject("""
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
          {"op":"replace","path":"name.givenName","value":"Janet"},{"op":"replace","path":"active","value":false}]}"""));
    harness.patch(harness.usersPath() + "/" + id, new JsonObject("""
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
          {"op":"add","path":"displayName","value":"Not stored upstream"}]}"""));
    harness.delete(harness.usersPath() + "/" + id);
    harness.post(harness.usersPath(), janeBody());

    List<JsonObject> audits = lines("audit", 4);

    assertEquals(List.of("create", "modify", "deactivate", "create"), audits.stream().map(a -> a.getString("action")).toList(),
        "no audit line for a PATCH that changed nothing upstream");
    JsonObject created = audits.get(0);
    assertEquals(id, created.getString("id"));
    assertEquals("jane@example.com", created.getString("display"), "the User type's display attribute, userName");
    assertEquals("success", created.getString("outcome"));
    assertEquals(new JsonArray().add("active").add("externalId").add("name.familyName").add("name.givenName").add("userName"),
        created.getJsonArray("attributes"));
    assertEquals(new JsonArray().add("active").add("name.givenName"), audits.get(1).getJsonArray("attributes"));
    assertFalse(audits.get(1).encode().contains("Janet"), "values are not logged");
    JsonObject duplicate = audits.get(3);
    assertEquals("failure", duplicate.getString("outcome"));
    assertEquals(409, duplicate.getInteger("status"));
  }

  @Test
  void managementEndpointsCanMoveToTheirOwnPort() {
    harness = GatewayHarness.start(SimulatorOptions.defaults(), "", "management:\n  port: 0\n");
    int management = harness.gateway.managementPort();
    assertTrue(management != harness.gateway.port());

    var metrics = GatewayHarness.await(harness.client.get(management, "127.0.0.1", "/metrics").send());
    var health = GatewayHarness.await(harness.client.get(management, "127.0.0.1", "/health").send());
    var onScimPort = harness.send(HttpMethod.GET, "/metrics", null, null);

    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.bodyAsString().contains("jvm_"));
    assertEquals(200, health.statusCode());
    assertEquals(404, onScimPort.status());
  }

  @Test
  void readyReportsEveryTenant() {
    harness = GatewayHarness.start();

    var ready = harness.send(HttpMethod.GET, "/ready", null, null);

    assertEquals(200, ready.status());
    assertEquals("UP", ready.json().getString("status"));
    assertEquals("UP", ready.json().getJsonObject("tenants").getJsonObject("acme").getString("status"));
  }

  @Test
  void noSecretAppearsInLogsMetricsOrErrors() {
    harness = GatewayHarness.start();
    createJane();
    harness.send(HttpMethod.GET, harness.usersPath(), "wrong-token", null);
    harness.post(harness.usersPath(), janeBody());

    StringBuilder everything = new StringBuilder(scrape());
    harness.logLines.forEach(everything::append);
    everything.append(harness.send(HttpMethod.GET, harness.usersPath(), "wrong-token", null).body());

    for (String secret : List.of(GatewayHarness.TOKEN, GatewayHarness.OTHER_TOKEN, GatewayHarness.API_KEY)) {
      assertFalse(everything.toString().contains(secret), "a secret leaked");
    }
  }

  private String createJane() {
    var created = harness.post(harness.usersPath(), janeBody());
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  private static JsonObject janeBody() {
    return new JsonObject("""
        {"userName":"jane@example.com","externalId":"00u1","name":{"givenName":"Jane","familyName":"Doe"},
         "emails":[{"value":"jane@example.com","primary":true}],"active":true}""");
  }

  private String scrape() {
    var response = harness.send(HttpMethod.GET, "/metrics", null, null);
    assertEquals(200, response.status());
    return response.body();
  }

  /** The metrics once a request with these labels is counted: it is counted as its answer goes out. */
  private String scrapeOnceRecorded(String labels) {
    String metrics = scrape();
    for (int attempt = 0; attempt < 300 && !metrics.contains("scim_gateway_requests_seconds_count{" + labels); attempt++) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      metrics = scrape();
    }
    return metrics;
  }

  /** The JSON log lines of a type, once at least {@code expected} of them are written. */
  private List<JsonObject> lines(String type, int expected) {
    return harness.awaitLogLines(line -> type.equals(new JsonObject(line).getString("type")), expected).stream()
        .map(JsonObject::new).filter(line -> type.equals(line.getString("type"))).toList();
  }

  static double sample(String metrics, String name, String labels) {
    Matcher matcher = Pattern.compile("^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
    if (!matcher.find()) {
      throw new AssertionError("no sample " + name + "{" + labels + "} in:\n" + metrics.lines()
          .filter(line -> line.startsWith(name)).reduce("", (a, b) -> a + b + "\n"));
    }
    return Double.parseDouble(matcher.group(1));
  }
}
