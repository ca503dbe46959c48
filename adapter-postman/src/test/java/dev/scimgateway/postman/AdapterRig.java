package dev.scimgateway.postman;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AdapterContext;
import dev.scimgateway.adapter.api.ConfigSection;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.postman.users.PostmanUsers;
import dev.scimgateway.simulator.PostmanSimulator;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Postman simulator and as many Postman adapters (tenants) pointed at it as a test needs, each with
 * settings of its own, all made by one factory as in one gateway.
 */
public final class AdapterRig implements AutoCloseable {

  public static final String API_KEY = PostmanTestSupport.API_KEY;

  public final Vertx vertx;
  public final PostmanSimulator simulator;
  private final PostmanAdapterFactory factory = new PostmanAdapterFactory();
  private final List<ScimAdapter> adapters = new ArrayList<>();

  private AdapterRig(Vertx vertx, PostmanSimulator simulator) {
    this.vertx = vertx;
    this.simulator = simulator;
  }

  public static AdapterRig start(SimulatorOptions options) {
    Vertx vertx = Vertx.vertx();
    return new AdapterRig(vertx, PostmanTestSupport.await(PostmanSimulator.create(vertx, options.withApiKey(API_KEY)).start()));
  }

  /** The settings of a tenant pointed at the simulator, for {@code customize} to change. */
  public ObjectNode settings(Consumer<ObjectNode> customize) {
    ObjectNode settings = PostmanTestSupport.JSON.createObjectNode()
        .put("baseUrl", simulator.baseUrl())
        .put("apiKey", API_KEY)
        .put("requestTimeoutMillis", 5000);
    customize.accept(settings);
    return settings;
  }

  /** A started adapter of {@code tenant}. */
  public ScimAdapter adapter(String tenant, Consumer<ObjectNode> customize) {
    ScimAdapter adapter = factory.create(new AdapterContext(vertx, tenant,
        new ConfigSection("tenants." + tenant + ".postman", settings(customize))));
    PostmanTestSupport.await(adapter.start());
    adapters.add(adapter);
    return adapter;
  }

  public static PostmanUsers users(ScimAdapter adapter) {
    return (PostmanUsers) adapter.provider(ResourceType.USER).orElseThrow();
  }

  /** The recorded upstream calls as {@code METHOD /Users/{id}} or {@code METHOD /Groups/{id}} (query left out). */
  public List<String> calls() {
    return simulator.requests().stream()
        .map(r -> r.method() + " " + r.path().replace("/scim/v2", "").replaceAll("/Users/[^/]+", "/Users/{id}")
            .replaceAll("/Groups/[^/]+", "/Groups/{id}"))
        .toList();
  }

  /** The recorded upstream calls with their queries, e.g. {@code GET /Users?filter=…}. */
  public List<String> callsWithQueries() {
    return simulator.requests().stream()
        .map(r -> r.method() + " " + r.path().replace("/scim/v2", "").replaceAll("/Users/[^/?]+", "/Users/{id}")
            .replaceAll("/Groups/[^/?]+", "/Groups/{id}")
            + (r.query() == null ? "" : "?" + java.net.URLDecoder.decode(r.query(), java.nio.charset.StandardCharsets.UTF_8)))
        .toList();
  }

  @Override
  public void close() {
    adapters.forEach(adapter -> PostmanTestSupport.await(adapter.close()));
    PostmanTestSupport.await(simulator.close());
    PostmanTestSupport.await(vertx.close());
  }
}
