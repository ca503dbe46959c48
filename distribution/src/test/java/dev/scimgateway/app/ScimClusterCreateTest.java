package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scimgateway.adapter.support.cluster.RedisServer;
import dev.scimgateway.core.config.ConfigLoader;
import dev.scimgateway.core.server.ScimGateway;
import dev.scimgateway.core.tenant.AdapterRegistry;
import dev.scimgateway.scimsimulator.ScimSimulator;
import dev.scimgateway.scimsimulator.ScimSimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of an {@code adapter: scim} tenant, each with its own Vert.x, sharing a real Redis: the same create at
 * both at once (an IdP retry landing on the other one) is one POST upstream, and both answer with the resource.
 */
class ScimClusterCreateTest {

  private static final String TOKEN = "saas-token-0123456789";
  private static final String UPSTREAM_TOKEN = "saas-upstream-token-7777";

  private final Vertx vertx = Vertx.vertx();
  private final WebClient idp = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(50));
  private final RedisServer redis = RedisServer.start();
  private final List<Vertx> replicaVertx = new ArrayList<>();
  private final List<ScimGateway> replicas = new ArrayList<>();
  private ScimSimulator upstream;

  @AfterEach
  void stop() {
    replicas.forEach(gateway -> GatewayHarness.await(gateway.close()));
    replicaVertx.forEach(own -> GatewayHarness.await(own.close()));
    idp.close();
    GatewayHarness.await(upstream.close());
    GatewayHarness.await(vertx.close());
    redis.stop();
  }

  @Test
  void theSameCreateAtTwoReplicasIsSentOnceAndBothAnswerWithTheResource() {
    upstream = GatewayHarness.await(ScimSimulator.create(vertx, ScimSimulatorOptions.defaults().withToken(UPSTREAM_TOKEN)).start());
    startReplica();
    startReplica();
    upstream.clearRequests();

    List<Future<GatewayHarness.Response>> creates = new ArrayList<>();
    for (int person = 0; person < 10; person++) {
      creates.add(create(0, "twice" + person + "@example.com"));
      creates.add(create(1, "Twice" + person + "@example.com"));
    }
    GatewayHarness.await(Future.join(creates));

    for (int person = 0; person < 10; person++) {
      GatewayHarness.Response first = creates.get(2 * person).result();
      GatewayHarness.Response second = creates.get(2 * person + 1).result();
      assertEquals(201, first.status(), first.body());
      assertEquals(201, second.status(), "not the upstream's 409: " + second.body());
      assertEquals(first.json().getString("id"), second.json().getString("id"));
    }
    assertEquals(10, upstream.users().size());
    assertEquals(10, upstream.calls().stream().filter(call -> call.startsWith("POST")).count(),
        "one POST per person: " + upstream.calls());
  }

  private void startReplica() {
    String yaml = """
        server:
          host: 127.0.0.1
          port: 0
        cluster:
          replicas: 2
          redis:
            url: "${REDIS_URL}"
        tenants:
          saas:
            token: "%s"
            adapter: scim
            scim:
              baseUrl: "%s"
              auth: { bearer: "%s" }
        """.formatted(TOKEN, upstream.baseUrl(), UPSTREAM_TOKEN);
    Vertx own = Vertx.vertx();
    replicaVertx.add(own);
    var config = ConfigLoader.withEnvironment(Map.of("REDIS_URL", redis.url())).parse(yaml, "replica " + replicas.size());
    replicas.add(GatewayHarness.await(ScimGateway.start(own, config, AdapterRegistry.fromClasspath())));
  }

  private Future<GatewayHarness.Response> create(int replica, String userName) {
    return idp.request(HttpMethod.POST, replicas.get(replica).port(), "127.0.0.1", "/scim/v2/saas/Users")
        .putHeader("Authorization", "Bearer " + TOKEN)
        .putHeader("Content-Type", "application/scim+json")
        .sendBuffer(GatewayRig.user(userName, "ext-" + userName).toBuffer())
        .map(GatewayHarness.Response::of);
  }
}
