package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.core.server.ScimGateway;
import dev.scimgateway.simulator.PostmanSimulator;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One Postman tenant served from four event loops, its adapter running on each of them: bursts of
 * Okta's assignments, externalId look-ups, PATCHes and reads from many connections at once get the
 * right answers for the same upstream calls as on one loop.
 */
class EveryLoopProvisioningTest {

  private static final int EVENT_LOOPS = 4;
  private static final int PEOPLE = 40;
  private static final Pattern LOOP_REQUESTS =
      Pattern.compile("(?m)^scim_gateway_event_loop_requests_total\\{thread=\"([^\"]+)\"} ([0-9.E]+)$");

  private GatewayRig rig;
  private PostmanSimulator postman;
  private ScimGateway gateway;

  @BeforeEach
  void start() {
    rig = new GatewayRig();
    postman = rig.simulator(SimulatorOptions.defaults().withBudget(100_000, 100_000, Duration.ofSeconds(60)));
    String budget = "rateLimit:\n  reads: 100000\n  writes: 100000\n  perSeconds: 60";
    gateway = rig.gatewayWithServer("  eventLoops: " + EVENT_LOOPS + "\n",
        GatewayRig.tenant("acme", postman, budget), GatewayRig.tenant("globex", postman, ""));
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void assignmentsPatchesAndReadsFromManyConnectionsCostWhatTheyCostOnOneLoop() {
    List<String> ids = all(PEOPLE, person -> {
      String userName = "person" + person + "@example.com";
      return rig.send(gateway, "acme", HttpMethod.GET, "/Users" + GatewayRig.filter("userName", userName), null)
          .compose(lookUp -> {
            assertEquals(0, lookUp.json().getInteger("totalResults"), lookUp.body());
            return rig.send(gateway, "acme", HttpMethod.POST, "/Users", GatewayRig.user(userName, "ext-" + person));
          })
          .map(created -> {
            assertEquals(201, created.status(), created.body());
            assertEquals(userName, created.json().getString("userName"));
            return created.json().getString("id");
          });
    });
    assertEquals(PEOPLE, Set.copyOf(ids).size());
    assertEquals(2 * PEOPLE, postman.requests().size(), "a look-up and a create each: " + GatewayRig.calls(postman));

    postman.clearRequests();
    List<JsonObject> deactivated = all(PEOPLE, person -> rig.send(gateway, "acme", HttpMethod.PATCH, "/Users/" + ids.get(person),
            new JsonObject(IdpRequests.OKTA_DEACTIVATE))
        .map(response -> {
          assertEquals(200, response.status(), response.body());
          return response.json();
        }));
    List<JsonObject> read = all(PEOPLE, person -> rig.send(gateway, "acme", HttpMethod.GET, "/Users/" + ids.get(person), null)
        .map(response -> {
          assertEquals(200, response.status(), response.body());
          return response.json();
        }));
    for (int person = 0; person < PEOPLE; person++) {
      assertEquals(false, deactivated.get(person).getBoolean("active"));
      assertEquals(false, read.get(person).getBoolean("active"));
      assertEquals("person" + person + "@example.com", read.get(person).getString("userName"));
    }
    long patches = GatewayRig.calls(postman).stream().filter(call -> call.equals("PATCH /Users/{id}")).count();
    assertEquals(PEOPLE, patches, "one write per deactivation: " + GatewayRig.calls(postman));

    Map<String, Double> perLoop = requestsPerLoop();
    assertEquals(EVENT_LOOPS, perLoop.size(), "one server per loop: " + perLoop);
    assertTrue(perLoop.values().stream().filter(count -> count > 0).count() > 1, "requests by loop: " + perLoop);
  }

  @Test
  void externalIdLookUpsFromEveryLoopShareScans() {
    all(150, person -> rig.send(gateway, "globex", HttpMethod.POST, "/Users",
        GatewayRig.user("other" + person + "@example.com", "ext-" + person)));
    postman.clearRequests();

    List<JsonObject> found = all(20, i -> rig.send(gateway, "acme", HttpMethod.GET,
        "/Users" + GatewayRig.filter("externalId", "ext-" + (i * 7)), null).map(response -> {
          assertEquals(200, response.status(), response.body());
          return response.json();
        }));

    for (int i = 0; i < 20; i++) {
      assertEquals(1, found.get(i).getInteger("totalResults"), found.get(i).encode());
      assertEquals("ext-" + (i * 7), found.get(i).getJsonArray("Resources").getJsonObject(0).getString("externalId"));
    }
    int calls = postman.requests().size();
    assertTrue(calls <= 2 * 2 + 20, "at most two scans of two pages, and a read per user learned meanwhile: "
        + GatewayRig.calls(postman));
  }

  private static <T> List<T> all(int count, IntFunction<Future<T>> each) {
    List<Future<T>> futures = IntStream.range(0, count).mapToObj(each).toList();
    GatewayHarness.await(Future.all(futures));
    return futures.stream().map(Future::result).collect(Collectors.toList());
  }

  private Map<String, Double> requestsPerLoop() {
    String scrape = GatewayHarness.await(rig.idp.get(gateway.port(), "127.0.0.1", "/metrics").send()).bodyAsString();
    Matcher matcher = LOOP_REQUESTS.matcher(scrape);
    Map<String, Double> perLoop = new TreeMap<>();
    while (matcher.find()) {
      perLoop.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
    }
    return perLoop;
  }
}
