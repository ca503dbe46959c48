package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Look-ups of group names that Postman's case-sensitive filter does not find, arriving together (an IdP checking
 * each group of a push before creating it), share the scans of the team's groups that settle them in every case.
 */
class SharedGroupScansTest {

  private static final int GROUPS = 150;
  private static final int ABSENT_LOOKUPS = 10;

  private GatewayHarness harness;
  private WebClient client;

  @BeforeEach
  void start() {
    harness = GatewayHarness.start();
    client = WebClient.create(harness.vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(ABSENT_LOOKUPS + 1));
    for (int i = 1; i <= GROUPS; i++) {
      var created = harness.post(harness.groupsPath(), new JsonObject().put("displayName", "Team " + i));
      assertEquals(201, created.status(), created.body());
    }
    harness.simulator.clearRequests();
  }

  @AfterEach
  void stop() {
    client.close();
    harness.close();
  }

  @Test
  void lookUpsArrivingTogetherShareTheScans() {
    List<Future<GatewayHarness.Response>> lookUps = new ArrayList<>();
    for (int i = 1; i <= ABSENT_LOOKUPS; i++) {
      lookUps.add(lookUp("New Team " + i));
    }
    // A name the gateway learned in another case: Postman's filter on that spelling finds it, with no scan.
    Future<GatewayHarness.Response> otherCase = lookUp("team 42");

    for (Future<GatewayHarness.Response> lookUp : lookUps) {
      var answer = GatewayHarness.await(lookUp);
      assertEquals(200, answer.status(), answer.body());
      assertEquals(0, answer.json().getInteger("totalResults"), answer.body());
    }
    var found = GatewayHarness.await(otherCase);
    assertEquals(1, found.json().getInteger("totalResults"), found.body());
    assertEquals("Team 42", found.json().getJsonArray("Resources").getJsonObject(0).getString("displayName"));

    List<String> calls = harness.upstreamCallsWithQueries();
    long filtered = calls.stream().filter(call -> call.startsWith("GET /Groups?filter=")).count();
    long scans = calls.stream().filter(call -> call.equals("GET /Groups?startIndex=1&count=100")).count();
    assertEquals(ABSENT_LOOKUPS + 1, filtered, "Postman's exact filter once per look-up: " + calls);
    assertTrue(scans >= 1 && scans <= 4, ABSENT_LOOKUPS + " look-ups that each need a scan of "
        + GROUPS + " groups share a few: " + scans + " scans in " + calls);
    assertEquals(filtered + 2 * scans, calls.size(), "each scan reads both pages, and nothing else is called: " + calls);
  }

  private Future<GatewayHarness.Response> lookUp(String displayName) {
    String filter = URLEncoder.encode("displayName eq \"" + displayName + "\"", StandardCharsets.UTF_8);
    return client.request(HttpMethod.GET, harness.gateway.port(), "127.0.0.1", harness.groupsPath() + "?filter=" + filter)
        .putHeader("Authorization", "Bearer " + GatewayHarness.TOKEN)
        .send()
        .map(GatewayHarness.Response::of);
  }
}
