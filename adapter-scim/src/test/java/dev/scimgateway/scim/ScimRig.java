package dev.scimgateway.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AdapterContext;
import dev.scimgateway.adapter.api.ConfigSection;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.scimsimulator.ScimSimulator;
import dev.scimgateway.scimsimulator.ScimSimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A SCIM simulator and as many {@code scim} adapters (tenants) pointed at it as a test needs, made by one
 * factory as in one gateway, and the adapter's start-up log lines.
 */
final class ScimRig implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String TOKEN = "upstream-secret-token-42";

  final Vertx vertx = Vertx.vertx();
  final ScimSimulator simulator;
  /** The lines the adapter logged, as formatted messages. */
  final List<String> log = new CopyOnWriteArrayList<>();
  private final GenericScimAdapterFactory factory = new GenericScimAdapterFactory();
  private final List<ScimAdapter> adapters = new ArrayList<>();
  private final Logger logger = Logger.getLogger(GenericScimAdapter.class.getName());
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      log.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  ScimRig(ScimSimulatorOptions options) {
    simulator = await(ScimSimulator.create(vertx, options.withToken(TOKEN)).start());
    logger.addHandler(capture);
  }

  ScimRig() {
    this(ScimSimulatorOptions.defaults());
  }

  /** The tenant's scim section pointed at the simulator, for {@code customize} to change. */
  ObjectNode settings(Consumer<ObjectNode> customize) {
    ObjectNode settings = JSON.createObjectNode().put("baseUrl", simulator.baseUrl()).put("requestTimeoutMillis", 5000);
    settings.putObject("auth").put("bearer", TOKEN);
    settings.putObject("rateLimit").put("reads", 100_000).put("writes", 100_000);
    settings.putObject("retry").put("initialBackoffMillis", 20);
    customize.accept(settings);
    return settings;
  }

  /** A started adapter of {@code tenant}. */
  ScimAdapter adapter(String tenant, Consumer<ObjectNode> customize) {
    ScimAdapter adapter = factory.create(new AdapterContext(vertx, tenant,
        new ConfigSection("tenants." + tenant + ".scim", settings(customize))));
    await(adapter.start());
    adapters.add(adapter);
    return adapter;
  }

  ScimAdapter adapter(String tenant) {
    return adapter(tenant, settings -> {});
  }

  static ResourceProvider users(ScimAdapter adapter) {
    return adapter.provider(ResourceType.USER).orElseThrow();
  }

  static ResourceProvider groups(ScimAdapter adapter) {
    return adapter.provider(ResourceType.GROUP).orElseThrow();
  }

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static JsonNode at(JsonNode node, String path) {
    JsonNode current = node;
    for (String segment : path.split("\\.")) {
      current = current.path(segment);
    }
    return current;
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("did not complete: " + e, e);
    }
  }

  /** The ScimFailure {@code future} fails with. */
  static ScimFailure failure(Future<?> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof ScimFailure failure) {
        return failure;
      }
      throw new AssertionError("not a ScimFailure: " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected a failure, but it succeeded");
  }

  @Override
  public void close() {
    logger.removeHandler(capture);
    adapters.forEach(adapter -> await(adapter.close()));
    await(simulator.close());
    await(vertx.close());
  }
}
