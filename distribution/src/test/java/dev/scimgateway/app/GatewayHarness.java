package dev.scimgateway.app;

import dev.scimgateway.core.config.ConfigLoader;
import dev.scimgateway.core.observability.GatewayMetrics;
import dev.scimgateway.core.observability.Observability;
import dev.scimgateway.core.observability.StructuredLog;
import dev.scimgateway.core.server.ScimGateway;
import dev.scimgateway.core.tenant.AdapterRegistry;
import dev.scimgateway.simulator.PostmanSimulator;
import dev.scimgateway.simulator.RecordedRequest;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real gateway on a loopback port in front of a real Postman simulator, and an HTTP client that
 * speaks to the gateway the way an IdP does.
 */
final class GatewayHarness implements AutoCloseable {

  static final String TENANT = "acme";
  static final String TOKEN = "acme-idp-token-0123456789";
  static final String OTHER_TENANT = "globex";
  static final String OTHER_TOKEN = "globex-idp-token-9876543210";
  static final String API_KEY = "PMAK-test-upstream-key";

  final Vertx vertx;
  final PostmanSimulator simulator;
  final ScimGateway gateway;
  final WebClient client;
  /** Every request and audit line the gateway wrote. */
  final List<String> logLines;

  private GatewayHarness(Vertx vertx, PostmanSimulator simulator, ScimGateway gateway, List<String> logLines) {
    this.vertx = vertx;
    this.simulator = simulator;
    this.gateway = gateway;
    this.client = WebClient.create(vertx);
    this.logLines = logLines;
  }

  static GatewayHarness start() {
    return start(SimulatorOptions.defaults(), "");
  }

  /** {@code extraPostmanSettings} is YAML indented for the tenant's postman section. */
  static GatewayHarness start(SimulatorOptions simulatorOptions, String extraPostmanSettings) {
    return start(simulatorOptions, extraPostmanSettings, "");
  }

  /** {@code extraTopLevel} is YAML added at the top of the configuration, e.g. a {@code logging:} section. */
  static GatewayHarness start(SimulatorOptions simulatorOptions, String extraPostmanSettings, String extraTopLevel) {
    return start(simulatorOptions, extraPostmanSettings, extraTopLevel, "");
  }

  /** {@code extraServer} is YAML added to the {@code server:} section, e.g. {@code idleTimeoutMillis: 500}. */
  static GatewayHarness withServerSettings(String extraServer) {
    return start(SimulatorOptions.defaults(), "", "", extraServer);
  }

  static GatewayHarness start(SimulatorOptions simulatorOptions, String extraPostmanSettings, String extraTopLevel,
      String extraServer) {
    return start(simulatorOptions, extraPostmanSettings, extraTopLevel, extraServer, false);
  }

  /**
   * With Vert.x's own per-request HTTP meters: the Vert.x that {@code GatewayMain} makes for {@code metrics.vertxHttp:
   * true} (the harness makes its Vert.x before it loads a configuration; the key itself is tested in
   * {@code LoggingConfigTest}).
   */
  static GatewayHarness withVertxHttpMetrics() {
    return start(SimulatorOptions.defaults(), "", "", "", true);
  }

  private static GatewayHarness start(SimulatorOptions simulatorOptions, String extraPostmanSettings, String extraTopLevel,
      String extraServer, boolean vertxHttpMetrics) {
    GatewayMetrics metrics = GatewayMetrics.create();
    Vertx vertx = GatewayVertx.create(metrics, 1, vertxHttpMetrics);
    PostmanSimulator simulator = await(PostmanSimulator.create(vertx, simulatorOptions.withApiKey(API_KEY)).start());
    String yaml = extraTopLevel + """

        server:
          host: 127.0.0.1
          port: 0
        %s
        tenants:
          %s:
            token: "${ACME_TOKEN}"
            adapter: postman
            postman:
              baseUrl: "%s"
              apiKey: "${POSTMAN_KEY}"
        %s
          %s:
            token: "%s"
            adapter: postman
            postman:
              baseUrl: "%s"
              apiKey: "%s"
        """.formatted(extraServer.indent(2).stripTrailing(), TENANT, simulator.baseUrl(), extraPostmanSettings.indent(6).stripTrailing(),
        OTHER_TENANT, OTHER_TOKEN, simulator.baseUrl(), API_KEY);
    var config = ConfigLoader.withEnvironment(Map.of("ACME_TOKEN", TOKEN, "POSTMAN_KEY", API_KEY))
        .parse(yaml, "test configuration");
    List<String> logLines = new CopyOnWriteArrayList<>();
    Observability observability = new Observability(metrics,
        new StructuredLog(config.operations().logFormat(), logLines::add));
    ScimGateway gateway = await(ScimGateway.start(vertx, config, AdapterRegistry.fromClasspath(), observability));
    return new GatewayHarness(vertx, simulator, gateway, logLines);
  }

  String usersPath() {
    return "/scim/v2/" + TENANT + "/Users";
  }

  Response get(String path) {
    return send(HttpMethod.GET, path, TOKEN, null);
  }

  Response post(String path, JsonObject body) {
    return send(HttpMethod.POST, path, TOKEN, body.encode());
  }

  Response put(String path, JsonObject body) {
    return send(HttpMethod.PUT, path, TOKEN, body.encode());
  }

  Response patch(String path, JsonObject body) {
    return send(HttpMethod.PATCH, path, TOKEN, body.encode());
  }

  Response delete(String path) {
    return send(HttpMethod.DELETE, path, TOKEN, null);
  }

  /** Any request; a null token sends no Authorization header, a null body no body. */
  Response send(HttpMethod method, String path, String token, String body) {
    return send(method, path, token, body, "application/scim+json");
  }

  Response send(HttpMethod method, String path, String token, String body, String contentType) {
    HttpRequest<Buffer> request = client.request(method, gateway.port(), "127.0.0.1", path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    Future<HttpResponse<Buffer>> response;
    if (body == null) {
      response = request.send();
    } else {
      request.putHeader("Content-Type", contentType);
      response = request.sendBuffer(Buffer.buffer(body));
    }
    return Response.of(await(response));
  }

  String groupsPath() {
    return "/scim/v2/" + TENANT + "/Groups";
  }

  /** The simulator's record of upstream requests, as {@code METHOD /Users/{id}} or {@code METHOD /Groups/{id}}. */
  List<String> upstreamCalls() {
    return simulator.requests().stream()
        .map(request -> request.method() + " " + request.path().replace("/scim/v2", "")
            .replaceAll("/Users/[^/]+", "/Users/{id}").replaceAll("/Groups/[^/]+", "/Groups/{id}"))
        .toList();
  }

  /** As {@link #upstreamCalls()}, with each GET's decoded query, e.g. {@code GET /Groups?filter=displayName eq "x"&…}. */
  List<String> upstreamCallsWithQueries() {
    return simulator.requests().stream()
        .map(request -> request.method() + " " + request.path().replace("/scim/v2", "")
            .replaceAll("/Users/[^/]+", "/Users/{id}").replaceAll("/Groups/[^/]+", "/Groups/{id}")
            + (request.query() == null || request.query().isEmpty() ? ""
                : "?" + java.net.URLDecoder.decode(request.query(), java.nio.charset.StandardCharsets.UTF_8)))
        .toList();
  }

  /** The bodies the simulator received, in order (null for none). */
  List<JsonObject> upstreamBodies() {
    return simulator.requests().stream()
        .map(request -> request.body() == null || request.body().isEmpty() ? null : new JsonObject(request.body()))
        .toList();
  }

  List<RecordedRequest> upstreamRequests() {
    return simulator.requests();
  }

  /**
   * The log lines once at least {@code count} of them match {@code which}. A request line is written when its
   * answer has gone out, on the loop that served it, so it may come just after the client has the answer.
   */
  List<String> awaitLogLines(Predicate<String> which, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (logLines.stream().filter(which).count() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + count + " matching log lines: " + logLines);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    return List.copyOf(logLines);
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("operation did not complete: " + e, e);
    }
  }

  @Override
  public void close() {
    client.close();
    await(gateway.close());
    await(simulator.close());
    await(vertx.close());
  }

  /** What the IdP got back. */
  record Response(int status, MultiMap headers, String body) {

    static Response of(HttpResponse<Buffer> response) {
      return new Response(response.statusCode(), response.headers(), response.bodyAsString() == null ? "" : response.bodyAsString());
    }

    JsonObject json() {
      return new JsonObject(body);
    }

    String contentType() {
      return headers.get("Content-Type");
    }
  }
}
