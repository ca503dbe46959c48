package dev.scimgateway.app;

import dev.scimgateway.adapter.support.cluster.RedisServer;
import dev.scimgateway.core.config.ConfigLoader;
import dev.scimgateway.core.server.ScimGateway;
import dev.scimgateway.core.tenant.AdapterRegistry;
import dev.scimgateway.simulator.PostmanSimulator;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replicas of one gateway as production runs them: each a real {@link ScimGateway} with its own
 * Vert.x and its own adapters ({@link AdapterRegistry#fromClasspath()}), so that they share nothing in
 * the process, only a real Redis and one Postman simulator.
 */
final class ClusterRig implements AutoCloseable {

  static final String TENANT = "acme";
  static final String TOKEN = "acme-token-0123456789";

  final Vertx vertx = Vertx.vertx();
  final WebClient idp = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(200));
  final RedisServer redis = RedisServer.start();
  final PostmanSimulator postman;
  private final List<Vertx> replicaVertx = new ArrayList<>();
  final List<ScimGateway> replicas = new ArrayList<>();

  ClusterRig(SimulatorOptions simulator) {
    postman = GatewayHarness.await(PostmanSimulator.create(vertx, simulator.withApiKey(GatewayHarness.API_KEY)).start());
  }

  /** Starts {@code count} replicas with {@code rateLimitYaml} as their tenant's {@code rateLimit} section. */
  void startReplicas(int count, String rateLimitYaml) {
    for (int i = 0; i < count; i++) {
      String yaml = """
          server:
            host: 127.0.0.1
            port: 0
          cluster:
            replicas: %d
            redis:
              url: "${REDIS_URL}"
          tenants:
            %s:
              token: "%s"
              adapter: postman
              postman:
                baseUrl: "%s"
                apiKey: "%s"
                rateLimit:
          %s
          """.formatted(count, TENANT, TOKEN, postman.baseUrl(), GatewayHarness.API_KEY, rateLimitYaml.indent(8).stripTrailing());
      Vertx own = Vertx.vertx();
      replicaVertx.add(own);
      var config = ConfigLoader.withEnvironment(Map.of("REDIS_URL", redis.url())).parse(yaml, "replica " + i);
      replicas.add(GatewayHarness.await(ScimGateway.start(own, config, AdapterRegistry.fromClasspath())));
    }
  }

  Future<GatewayHarness.Response> create(int replica, String userName) {
    return idp.request(HttpMethod.POST, replicas.get(replica).port(), "127.0.0.1", "/scim/v2/" + TENANT + "/Users")
        .putHeader("Authorization", "Bearer " + TOKEN)
        .putHeader("Content-Type", "application/scim+json")
        .sendBuffer(GatewayRig.user(userName, "ext-" + userName).toBuffer())
        .map(GatewayHarness.Response::of);
  }

  GatewayHarness.Response get(int replica, String path) {
    return GatewayHarness.await(idp.request(HttpMethod.GET, replicas.get(replica).port(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + TOKEN)
        .send()
        .map(GatewayHarness.Response::of));
  }

  /** The value of the Prometheus sample whose line starts with {@code series}, e.g. {@code scim_gateway_cluster_redis_up{}. */
  double metric(int replica, String series) {
    String scrape = get(replica, "/metrics").body();
    return scrape.lines().filter(line -> line.startsWith(series)).findFirst()
        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .orElseThrow(() -> new AssertionError("no " + series + " in /metrics:\n" + scrape));
  }

  @Override
  public void close() {
    replicas.forEach(gateway -> GatewayHarness.await(gateway.close()));
    replicaVertx.forEach(own -> GatewayHarness.await(own.close()));
    idp.close();
    GatewayHarness.await(postman.close());
    GatewayHarness.await(vertx.close());
    redis.stop();
  }
}
