package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas behind a load balancer share one Postman budget through Redis: a burst of creates spread
 * over them never puts more than Postman's limits into any window (Postman's 180 writes, the window
 * scaled down to 2 s), also while Redis is away.
 */
class ClusterBurstTest {

  private static final int WRITES = 180;
  private static final Duration WINDOW = Duration.ofSeconds(2);
  private static final String RATE_LIMIT = "writes: 180\nreads: 300\nperSeconds: 2\nmaxQueue: 1000\nmaxWaitMillis: 30000";

  private ClusterRig rig;

  @AfterEach
  void stop() {
    if (rig != null) {
      rig.close();
    }
  }

  private List<Future<GatewayHarness.Response>> burst(String prefix, int creates) {
    List<Future<GatewayHarness.Response>> responses = new ArrayList<>();
    for (int i = 0; i < creates; i++) {
      responses.add(rig.create(i % rig.replicas.size(), prefix + i + "@example.com"));
    }
    return responses;
  }

  private void assertAllCreatedOnceWithinTheBudget(List<Future<GatewayHarness.Response>> responses, int users) {
    GatewayHarness.await(Future.join(responses));
    for (Future<GatewayHarness.Response> response : responses) {
      assertEquals(201, response.result().status(), response.result().body());
    }
    assertEquals(users, rig.postman.users().size());
    assertEquals(0, rig.postman.rateLimitedCount(), "Postman never had to refuse a request");
    assertTrue(rig.postman.maxRequestsInAnyWindow(true) <= WRITES,
        "writes in a window: " + rig.postman.maxRequestsInAnyWindow(true));
    assertEquals(users, rig.postman.requests().stream().filter(r -> r.method().equals("POST")).count(),
        "every create sent once");
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void threeReplicasTogetherKeepToOneBudget() {
    rig = new ClusterRig(SimulatorOptions.defaults().withBudget(WRITES, 300, WINDOW));
    rig.startReplicas(3, RATE_LIMIT);

    // Alone, each replica would send its 180 at once: 540 into the first window.
    assertAllCreatedOnceWithinTheBudget(burst("three", 450), 450);
    assertEquals(1.0, rig.metric(1, "scim_gateway_cluster_redis_up{"));
  }

  @Test
  void withoutRedisEachReplicaKeepsToItsShareAndSaysSoThenSharesAgain() throws Exception {
    rig = new ClusterRig(SimulatorOptions.defaults().withBudget(WRITES, 300, WINDOW));
    rig.startReplicas(2, RATE_LIMIT);
    List<Future<GatewayHarness.Response>> responses = burst("outage", 400);
    await("the first window's creates are in", () -> rig.postman.users().size() >= 100);

    rig.redis.stop();
    await("replica 0 reports Redis away", () -> rig.get(0, "/ready").body().contains("unreachable"));
    GatewayHarness.Response ready = rig.get(0, "/ready");
    assertEquals(200, ready.status());
    assertEquals("DEGRADED", ready.json().getString("status"));
    JsonObject tenant = ready.json().getJsonObject("tenants").getJsonObject(ClusterRig.TENANT);
    assertEquals("DEGRADED", tenant.getString("status"));
    assertTrue(tenant.getString("degraded").contains("keeps to 1/2"), tenant.encode());
    assertEquals(0.0, rig.metric(0, "scim_gateway_cluster_redis_up{"));
    assertAllCreatedOnceWithinTheBudget(responses, 400);

    rig.redis.restart();
    await("both replicas share again", () -> rig.get(0, "/ready").json().getString("status").equals("UP")
        && rig.get(1, "/ready").json().getString("status").equals("UP"));
    assertEquals(1.0, rig.metric(1, "scim_gateway_cluster_redis_up{"));
    assertEquals(1.0, rig.metric(1, "scim_gateway_budget_shared{"));
    assertAllCreatedOnceWithinTheBudget(burst("back", 200), 600);
  }
}
