package dev.scimgateway.postman;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AdapterContext;
import dev.scimgateway.adapter.api.ChangeSet;
import dev.scimgateway.adapter.api.ConfigSection;
import dev.scimgateway.adapter.api.ResourceChange;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.simulator.PostmanSimulator;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A real Postman simulator on a loopback port and the Postman adapter of tenant {@code t1} pointed at it. */
public final class PostmanTestSupport implements AutoCloseable {

  public static final String API_KEY = "PMAK-adapter-test-key-0123456789";
  public static final ObjectMapper JSON = new ObjectMapper();

  public final Vertx vertx;
  public final PostmanSimulator simulator;
  public final ScimAdapter adapter;
  public final ResourceProvider users;

  private PostmanTestSupport(Vertx vertx, PostmanSimulator simulator, ScimAdapter adapter) {
    this.vertx = vertx;
    this.simulator = simulator;
    this.adapter = adapter;
    this.users = adapter.provider(ResourceType.USER).orElseThrow();
  }

  public static PostmanTestSupport start() {
    Vertx vertx = Vertx.vertx();
    PostmanSimulator simulator = await(PostmanSimulator.create(vertx, SimulatorOptions.defaults().withApiKey(API_KEY)).start());
    ObjectNode settings = JSON.createObjectNode()
        .put("baseUrl", simulator.baseUrl())
        .put("apiKey", API_KEY)
        .put("requestTimeoutMillis", 5000);
    settings.putObject("rateLimit").put("requests", 100_000).put("perSeconds", 60);
    ScimAdapter adapter = new PostmanAdapterFactory()
        .create(new AdapterContext(vertx, "t1", new ConfigSection("tenants.t1.postman", settings)));
    await(adapter.start());
    return new PostmanTestSupport(vertx, simulator, adapter);
  }

  public static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(text, e);
    }
  }

  /**
   * A change from {@code before} to {@code after} as a PATCH would describe it when only the state can
   * tell: its attributes are those that differ, and resolving it answers the two states.
   */
  public static ResourceChange change(ObjectNode before, ObjectNode after) {
    ChangeSet changes = new ChangeSet(before, after);
    return new ResourceChange(List.of(), changes.changedPaths(), Map.of(), Map.of(), () -> Future.succeededFuture(changes));
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("operation did not complete: " + e, e);
    }
  }

  /** The {@link ScimFailure} a future failed with. */
  public static ScimFailure failure(Future<?> future) {
    try {
      Object value = future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      return fail("expected a failure, got " + value);
    } catch (ExecutionException e) {
      return assertInstanceOf(ScimFailure.class, e.getCause(), String.valueOf(e.getCause()));
    } catch (Exception e) {
      throw new AssertionError("operation did not complete: " + e, e);
    }
  }

  @Override
  public void close() {
    await(adapter.close());
    await(simulator.close());
    await(vertx.close());
  }
}
