package dev.scimgateway.app;

import dev.scimgateway.core.config.ConfigLoader;
import dev.scimgateway.core.server.ScimGateway;
import dev.scimgateway.core.tenant.AdapterRegistry;
import dev.scimgateway.simulator.PostmanSimulator;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gateways with a configuration of the test's own over Postman simulators, and an IdP client that
 * really sends requests concurrently (a pool of 200 connections, where a default client has 5).
 */
final class GatewayRig implements AutoCloseable {

  static final String API_KEY = GatewayHarness.API_KEY;

  /** Enough event loops for a gateway configured with {@code server.eventLoops} up to 8. */
  final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(8, VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE)));
  final WebClient idp = WebClient.create(vertx, new io.vertx.ext.web.client.WebClientOptions(), new PoolOptions().setHttp1MaxSize(200));
  private final List<PostmanSimulator> simulators = new ArrayList<>();
  private final List<ScimGateway> gateways = new ArrayList<>();

  PostmanSimulator simulator(SimulatorOptions options) {
    PostmanSimulator simulator = GatewayHarness.await(PostmanSimulator.create(vertx, options.withApiKey(API_KEY)).start());
    simulators.add(simulator);
    return simulator;
  }

  /** A tenant section: {@code name} with token {@code name-token}, over {@code simulator}, with extra postman settings. */
  static String tenant(String name, PostmanSimulator simulator, String extraPostmanYaml) {
    return """
          %s:
            token: "%s-token-0123456789"
            adapter: postman
            postman:
              baseUrl: "%s"
              apiKey: "%s"
        %s
        """.formatted(name, name, simulator.baseUrl(), API_KEY, extraPostmanYaml.indent(6).stripTrailing());
  }

  ScimGateway gateway(String... tenants) {
    return gatewayWithServer("", tenants);
  }

  /** A gateway whose {@code server} section also has {@code serverYaml}, e.g. {@code "  eventLoops: 4\n"}. */
  ScimGateway gatewayWithServer(String serverYaml, String... tenants) {
    String yaml = "server:\n  host: 127.0.0.1\n  port: 0\n" + serverYaml + "tenants:\n" + String.join("", tenants);
    ScimGateway gateway = GatewayHarness.await(ScimGateway.start(vertx,
        ConfigLoader.withEnvironment(Map.of()).parse(yaml, "test configuration"), AdapterRegistry.fromClasspath()));
    gateways.add(gateway);
    return gateway;
  }

  void stop(ScimGateway gateway) {
    gateways.remove(gateway);
    GatewayHarness.await(gateway.close());
  }

  /** Sends a request as tenant {@code tenant}'s IdP; the future completes with what the IdP got. */
  Future<GatewayHarness.Response> send(ScimGateway gateway, String tenant, HttpMethod method, String path, JsonObject body) {
    HttpRequest<Buffer> request = idp.request(method, gateway.port(), "127.0.0.1", "/scim/v2/" + tenant + path)
        .putHeader("Authorization", "Bearer " + tenant + "-token-0123456789");
    var response = body == null
        ? request.send()
        : request.putHeader("Content-Type", "application/scim+json").sendBuffer(body.toBuffer());
    return response.map(GatewayHarness.Response::of);
  }

  GatewayHarness.Response call(ScimGateway gateway, String tenant, HttpMethod method, String path, JsonObject body) {
    return GatewayHarness.await(send(gateway, tenant, method, path, body));
  }

  static JsonObject user(String userName, String externalId) {
    return new JsonObject("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
         "name":{"givenName":"Given","familyName":"Family"},"externalId":"%s","active":true}""".formatted(userName, externalId));
  }

  static String filter(String attribute, String value) {
    return "?filter=" + java.net.URLEncoder.encode(attribute + " eq \"" + value + "\"", java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  /** Upstream calls as {@code METHOD /Users/{id}}. */
  static List<String> calls(PostmanSimulator simulator) {
    return simulator.requests().stream()
        .map(request -> request.method() + " " + request.path().replace("/scim/v2", "").replaceAll("/Users/[^/]+", "/Users/{id}"))
        .toList();
  }

  @Override
  public void close() {
    idp.close();
    gateways.forEach(gateway -> GatewayHarness.await(gateway.close()));
    simulators.forEach(simulator -> GatewayHarness.await(simulator.close()));
    GatewayHarness.await(vertx.close());
  }
}
