package dev.scimgateway.app;

import static dev.scimgateway.app.AuthenticationTest.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.core.server.ScimGateway;
import dev.scimgateway.simulator.Fault;
import dev.scimgateway.simulator.FaultAction;
import dev.scimgateway.simulator.PostmanError;
import dev.scimgateway.simulator.PostmanSimulator;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An IdP's burst through the real gateway against a simulator that enforces Postman's sliding-window
 * limits, with a short window: everything is provisioned, Postman never has to refuse anything, and
 * where the gateway cannot wait the IdP is told when to come back.
 */
class BurstTest {

  private static final Duration WINDOW = Duration.ofSeconds(1);

  private GatewayRig rig;

  @BeforeEach
  void start() {
    rig = new GatewayRig();
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  /** Okta assigning people: a look-up, then a create, per person, all at once. */
  private Future<GatewayHarness.Response> assign(ScimGateway gateway, String tenant, int person) {
    String userName = "person" + person + "@example.com";
    return rig.send(gateway, tenant, HttpMethod.GET, "/Users" + GatewayRig.filter("userName", userName), null)
        .compose(lookUp -> {
          assertEquals(200, lookUp.status(), lookUp.body());
          assertEquals(0, lookUp.json().getInteger("totalResults"));
          return rig.send(gateway, tenant, HttpMethod.POST, "/Users", GatewayRig.user(userName, "ext-" + person));
        });
  }

  @Test
  void sixtyConcurrentAssignmentsAgainstABudgetOfTwentyAllSucceedWithoutA429() {
    PostmanSimulator postman = rig.simulator(SimulatorOptions.defaults().withBudget(20, 20, WINDOW));
    String budget = "rateLimit:\n  reads: 20\n  writes: 20\n  perSeconds: 1";
    // Two tenants of one Postman team: they share its budget.
    ScimGateway gateway = rig.gateway(GatewayRig.tenant("acme", postman, budget), GatewayRig.tenant("globex", postman, ""));

    List<Future<GatewayHarness.Response>> creates = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      creates.add(assign(gateway, i % 2 == 0 ? "acme" : "globex", i));
    }
    GatewayHarness.await(Future.all(creates));

    for (Future<GatewayHarness.Response> create : creates) {
      assertEquals(201, create.result().status(), create.result().body());
    }
    assertEquals(60, postman.users().size());
    assertEquals(0, postman.rateLimitedCount(), "Postman never had to refuse a request");
    assertTrue(postman.maxRequestsInAnyWindow(true) <= 20, "writes in a window: " + postman.maxRequestsInAnyWindow(true));
    assertTrue(postman.maxRequestsInAnyWindow(false) <= 20, "reads in a window: " + postman.maxRequestsInAnyWindow(false));
    assertEquals(120, postman.requests().size(), "one look-up and one create each, nothing retried");
  }

  @Test
  void pastTheQueueBoundTheIdpGets429WithARetryAfter() {
    PostmanSimulator postman = rig.simulator(SimulatorOptions.defaults().withBudget(2, 100, WINDOW));
    ScimGateway gateway = rig.gateway(GatewayRig.tenant("acme", postman,
        "rateLimit:\n  writes: 2\n  perSeconds: 1\n  maxQueue: 3\n  maxWaitMillis: 20000"));

    List<Future<GatewayHarness.Response>> creates = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      creates.add(rig.send(gateway, "acme", HttpMethod.POST, "/Users", GatewayRig.user("q" + i + "@example.com", "q" + i)));
    }
    GatewayHarness.await(Future.join(creates));

    List<GatewayHarness.Response> refused = creates.stream().map(Future::result).filter(r -> r.status() == 429).toList();
    long created = creates.stream().filter(r -> r.result().status() == 201).count();
    assertEquals(5, created, "two at once, three from the queue");
    assertEquals(15, refused.size());
    for (GatewayHarness.Response response : refused) {
      assertScimError(response, "429");
      assertTrue(Integer.parseInt(response.headers().get("Retry-After")) >= 1, response.headers().toString());
      assertTrue(response.json().getString("detail").contains("rateLimit.maxQueue"), response.body());
    }
    assertEquals(0, postman.rateLimitedCount());
    assertEquals(5, postman.users().size());
  }

  @Test
  void pastTheWaitBoundTheIdpGets429WithARetryAfterAtOnce() {
    PostmanSimulator postman = rig.simulator(SimulatorOptions.defaults().withBudget(1, 100, Duration.ofSeconds(30)));
    ScimGateway gateway = rig.gateway(GatewayRig.tenant("acme", postman,
        "rateLimit:\n  writes: 1\n  perSeconds: 30\n  maxWaitMillis: 1000"));
    assertEquals(201, rig.call(gateway, "acme", HttpMethod.POST, "/Users", GatewayRig.user("w0@example.com", "w0")).status());

    var refused = rig.call(gateway, "acme", HttpMethod.POST, "/Users", GatewayRig.user("w1@example.com", "w1"));

    assertEquals(429, refused.status());
    assertScimError(refused, "429");
    int retryAfter = Integer.parseInt(refused.headers().get("Retry-After"));
    assertTrue(retryAfter >= 2 && retryAfter <= 31, "the rest of the 30 s window: " + retryAfter);
    assertEquals(1, postman.requests().size(), "the refused create never reached Postman");
  }

  @Test
  void anUpstream429IsAbsorbedAndTheIdpNeverSeesIt() {
    PostmanSimulator postman = rig.simulator(SimulatorOptions.defaults().withBudget(20, 20, WINDOW));
    ScimGateway gateway = rig.gateway(GatewayRig.tenant("acme", postman, "rateLimit:\n  reads: 20\n  writes: 20\n  perSeconds: 1"));
    // Another client of the same Postman team used up its budget: Postman refuses the next create and read.
    postman.inject(Fault.once("POST", "/Users", new FaultAction.Respond(PostmanError.RATE_LIMITED_WRITES)));
    postman.inject(Fault.once("GET", "/Users", new FaultAction.Respond(PostmanError.RATE_LIMITED_READS)));

    var lookUp = rig.call(gateway, "acme", HttpMethod.GET, "/Users" + GatewayRig.filter("userName", "late@example.com"), null);
    var created = rig.call(gateway, "acme", HttpMethod.POST, "/Users", GatewayRig.user("late@example.com", "late"));

    assertEquals(200, lookUp.status(), lookUp.body());
    assertEquals(201, created.status(), created.body());
    assertEquals(List.of(429, 200, 429, 201), postman.requests().stream().map(r -> r.status()).toList());
    assertEquals(1, postman.users().size());
  }

  @Test
  void anotherTeamsBacklogDoesNotHoldUpThisTeam() {
    PostmanSimulator slowTeam = rig.simulator(SimulatorOptions.defaults().withBudget(1, 100, Duration.ofSeconds(2)));
    PostmanSimulator otherTeam = rig.simulator(SimulatorOptions.defaults().withBudget(20, 20, WINDOW));
    ScimGateway gateway = rig.gateway(
        GatewayRig.tenant("slow", slowTeam, "rateLimit:\n  writes: 1\n  perSeconds: 2"),
        GatewayRig.tenant("fast", otherTeam, "rateLimit:\n  reads: 20\n  writes: 20\n  perSeconds: 1"));

    List<Future<GatewayHarness.Response>> backlog = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      backlog.add(rig.send(gateway, "slow", HttpMethod.POST, "/Users", GatewayRig.user("s" + i + "@example.com", "s" + i)));
    }
    List<Future<GatewayHarness.Response>> others = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      others.add(rig.send(gateway, "fast", HttpMethod.POST, "/Users", GatewayRig.user("f" + i + "@example.com", "f" + i)));
    }
    GatewayHarness.await(Future.all(others));

    // The two creates came on two connections, so either may reach the budget first; the other waits.
    assertEquals(1, backlog.stream().filter(Future::isComplete).count(), "the slow team's second create waits for its next window");
    others.forEach(response -> assertEquals(201, response.result().status()));
    GatewayHarness.await(Future.all(backlog));
    backlog.forEach(response -> assertEquals(201, response.result().status(), response.result().body()));
    assertEquals(0, slowTeam.rateLimitedCount() + otherTeam.rateLimitedCount());
  }
}
