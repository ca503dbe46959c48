package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.core.server.ScimGateway;
import dev.scimgateway.simulator.Fault;
import dev.scimgateway.simulator.FaultAction;
import dev.scimgateway.simulator.PostmanSimulator;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What each IdP step costs upstream, counted at the simulator: Postman's budget is the scarce thing,
 * so every call the gateway makes is one an IdP's burst cannot.
 */
class UpstreamCallBudgetTest {

  private GatewayRig rig;
  private PostmanSimulator postman;

  @BeforeEach
  void start() {
    rig = new GatewayRig();
    postman = rig.simulator(SimulatorOptions.defaults().withBudget(10_000, 10_000, Duration.ofSeconds(60)));
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private static final String BIG_BUDGET = "rateLimit:\n  reads: 10000\n  writes: 10000\n  perSeconds: 60";

  /** Runs the step and returns the upstream calls it made. */
  private List<String> cost(Runnable step) {
    postman.clearRequests();
    step.run();
    return GatewayRig.calls(postman);
  }

  private GatewayHarness.Response get(ScimGateway gateway, String path) {
    return rig.call(gateway, "acme", HttpMethod.GET, path, null);
  }

  private static int total(GatewayHarness.Response response) {
    assertEquals(200, response.status(), response.body());
    return response.json().getInteger("totalResults");
  }

  @Test
  void oktaLifecycleCostsOneCallPerStepItNeeds() {
    ScimGateway gateway = rig.gateway(GatewayRig.tenant("acme", postman, BIG_BUDGET));
    String[] id = new String[1];

    assertEquals(List.of("GET /Users"), cost(() -> assertEquals(0,
        total(get(gateway, "/Users" + GatewayRig.filter("userName", "jane.doe@example.com"))))), "look-up");
    assertEquals(List.of("POST /Users"), cost(() -> id[0] = rig.call(gateway, "acme", HttpMethod.POST, "/Users",
        GatewayRig.user("jane.doe@example.com", "00u1abcd")).json().getString("id")), "create");
    assertEquals(List.of("GET /Users/{id}"), cost(() -> assertEquals(200, get(gateway, "/Users/" + id[0]).status())), "read");
    JsonObject profile = GatewayRig.user("jane.doe@example.com", "00u1abcd");
    profile.getJsonObject("name").put("givenName", "Janet");
    assertEquals(List.of("PUT /Users/{id}"), cost(() -> assertEquals(200,
        rig.call(gateway, "acme", HttpMethod.PUT, "/Users/" + id[0], profile).status())), "profile push");
    assertEquals(List.of("PATCH /Users/{id}"), cost(() -> assertEquals(200,
        rig.call(gateway, "acme", HttpMethod.PATCH, "/Users/" + id[0], new JsonObject("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","value":{"active":false}}]}""")).status())), "deactivate: the user was just read, so no second read");
    assertEquals(List.of("GET /Users"), cost(() -> assertEquals(1,
        total(get(gateway, "/Users" + GatewayRig.filter("userName", "Jane.Doe@Example.COM"))))),
        "a look-up in another case: one call, for the spelling Postman has");
  }

  @Test
  void entraLookUpsCostOneCallOnceTheUserHasBeenSeen() {
    ScimGateway gateway = rig.gateway(GatewayRig.tenant("acme", postman, BIG_BUDGET));
    String guid = UUID.randomUUID().toString();

    assertEquals(List.of("GET /Users"), cost(() -> assertEquals(0,
        total(get(gateway, "/Users" + GatewayRig.filter("userName", guid))))), "Test Connection by userName");
    assertEquals(List.of("GET /Users"), cost(() -> assertEquals(0,
        total(get(gateway, "/Users" + GatewayRig.filter("externalId", guid))))), "Test Connection by externalId: one page of an empty team");
    assertEquals(List.of("GET /Users", "GET /Users"), cost(() -> assertEquals(0,
        total(get(gateway, "/Users" + GatewayRig.filter("userName", "JDoe@Contoso.com"))))), "an unknown mixed-case UPN: as given, then lower case");
    String id = rig.call(gateway, "acme", HttpMethod.POST, "/Users", GatewayRig.user("JDoe@Contoso.com", "jdoe")).json().getString("id");

    assertEquals(List.of("GET /Users/{id}"), cost(() -> assertEquals(1,
        total(get(gateway, "/Users" + GatewayRig.filter("externalId", "jdoe"))))), "by externalId");
    assertEquals(List.of("GET /Users"), cost(() -> assertEquals(1,
        total(get(gateway, "/Users" + GatewayRig.filter("userName", "jdoe@contoso.com"))))), "by userName, another case");
    assertEquals(List.of("GET /Users/{id}"), cost(() -> assertEquals(1,
        total(get(gateway, "/Users" + GatewayRig.filter("id", id))))), "by id");
  }

  @Test
  void afterARestartAWarmUpKeepsLookUpsAtOneCall() {
    ScimGateway before = rig.gateway(GatewayRig.tenant("acme", postman, BIG_BUDGET));
    List<Future<GatewayHarness.Response>> created = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      created.add(rig.send(before, "acme", HttpMethod.POST, "/Users", GatewayRig.user("Member" + i + "@Example.com", "m-" + i)));
    }
    GatewayHarness.await(Future.all(created));
    rig.stop(before);
    postman.clearRequests();

    ScimGateway after = rig.gateway(GatewayRig.tenant("acme", postman, BIG_BUDGET + "\nidCache:\n  warmUp: true"));

    assertEquals(List.of("GET /Users", "GET /Users"), GatewayRig.calls(postman), "the warm-up: 120 users, two pages");
    assertEquals(List.of("GET /Users/{id}"), cost(() -> assertEquals(1, total(get(after, "/Users" + GatewayRig.filter("externalId", "m-77"))))));
    assertEquals(List.of("GET /Users"), cost(() -> assertEquals(1, total(get(after, "/Users" + GatewayRig.filter("userName", "member5@example.com"))))));
  }

  @Test
  void withoutAWarmUpTheFirstExternalIdLookUpScansAndTheRestAreCheap() {
    ScimGateway before = rig.gateway(GatewayRig.tenant("acme", postman, BIG_BUDGET));
    // Concurrent creates reach Postman in no particular order: the last 20 go after the first 100, so that
    // m-119 is on Postman's second page.
    for (int[] range : new int[][] {{0, 100}, {100, 120}}) {
      List<Future<GatewayHarness.Response>> created = new ArrayList<>();
      for (int i = range[0]; i < range[1]; i++) {
        created.add(rig.send(before, "acme", HttpMethod.POST, "/Users", GatewayRig.user("member" + i + "@example.com", "m-" + i)));
      }
      GatewayHarness.await(Future.all(created));
    }
    rig.stop(before);

    ScimGateway after = rig.gateway(GatewayRig.tenant("acme", postman, BIG_BUDGET));

    assertEquals(List.of("GET /Users", "GET /Users"), cost(() -> assertEquals(1,
        total(get(after, "/Users" + GatewayRig.filter("externalId", "m-119"))))));
    assertEquals(List.of("GET /Users/{id}"), cost(() -> assertEquals(1,
        total(get(after, "/Users" + GatewayRig.filter("externalId", "m-3"))))));
  }

  @Test
  void aCreateWhoseResponseIsLostEndsAsOneUserAndA201() {
    ScimGateway gateway = rig.gateway(GatewayRig.tenant("acme", postman, BIG_BUDGET));
    postman.inject(Fault.once("POST", "/Users", new FaultAction.DropResponseAfterApplying()));

    List<String> calls = cost(() -> {
      var created = rig.call(gateway, "acme", HttpMethod.POST, "/Users", GatewayRig.user("lost@example.com", "lost"));
      assertEquals(201, created.status(), created.body());
      assertTrue(created.headers().get("Location").endsWith("/Users/" + created.json().getString("id")));
      assertEquals("lost@example.com", created.json().getString("userName"));
    });

    assertEquals(List.of("POST /Users", "GET /Users"), calls, "the create, then a look-up instead of a second create");
    assertEquals(1, postman.users().size());
  }
}
