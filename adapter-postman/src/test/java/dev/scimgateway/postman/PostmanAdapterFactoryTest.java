package dev.scimgateway.postman;

import static dev.scimgateway.postman.PostmanTestSupport.await;
import static dev.scimgateway.postman.PostmanTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AdapterContext;
import dev.scimgateway.adapter.api.ConfigSection;
import dev.scimgateway.adapter.api.InvalidConfigException;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.simulator.PostmanSimulator;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each factory owns the budgets of its tenants' Postman teams: two tenants of one team in one factory
 * (one gateway) share a budget; a second factory (another gateway) has budgets of its own.
 */
class PostmanAdapterFactoryTest {

  private Vertx vertx;
  private PostmanSimulator simulator;
  private final List<ScimAdapter> adapters = new ArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    simulator = await(PostmanSimulator.create(vertx, SimulatorOptions.defaults().withApiKey(AdapterRig.API_KEY)).start());
  }

  @AfterEach
  void stop() {
    adapters.forEach(adapter -> await(adapter.close()));
    await(simulator.close());
    await(vertx.close());
  }

  /** A tenant of the simulator's team allowed one write a minute, waiting at most 200 ms for it. */
  private ScimAdapter oneWriteAMinute(PostmanAdapterFactory factory, String tenant, String baseUrl, int writes) {
    ObjectNode settings = PostmanTestSupport.JSON.createObjectNode()
        .put("baseUrl", baseUrl)
        .put("apiKey", AdapterRig.API_KEY)
        .put("requestTimeoutMillis", 5000);
    settings.putObject("rateLimit").put("writes", writes).put("perSeconds", 60).put("maxWaitMillis", 200);
    ScimAdapter adapter = factory.create(new AdapterContext(vertx, tenant,
        new ConfigSection("tenants." + tenant + ".postman", settings)));
    adapters.add(adapter);
    return adapter;
  }

  private ScimAdapter oneWriteAMinute(PostmanAdapterFactory factory, String tenant) {
    return oneWriteAMinute(factory, tenant, simulator.baseUrl(), 1);
  }

  private static Future<ObjectNode> create(ScimAdapter adapter, String userName) {
    return adapter.provider(ResourceType.USER).orElseThrow().create(json("""
        {"userName":"%s","name":{"givenName":"A","familyName":"B"}}""".formatted(userName)));
  }

  @Test
  void twoTenantsOfOneTeamInOneFactoryShareOneBudget() {
    PostmanAdapterFactory factory = new PostmanAdapterFactory();
    ScimAdapter first = oneWriteAMinute(factory, "first");
    ScimAdapter second = oneWriteAMinute(factory, "second", simulator.baseUrl() + "/", 1);

    await(create(first, "first@example.com"));
    ScimFailure refused = PostmanTestSupport.failure(create(second, "second@example.com"));

    assertEquals(429, refused.status(), "a trailing slash is the same team: the one write is used up");
    assertTrue(refused.detail().contains("rateLimit.maxWaitMillis"), refused.detail());
    assertEquals(1, simulator.requests().size(), "the refused create never left the gateway");
  }

  @Test
  void twoFactoriesHaveIndependentBudgets() {
    ScimAdapter inOneGateway = oneWriteAMinute(new PostmanAdapterFactory(), "acme");
    ScimAdapter inAnother = oneWriteAMinute(new PostmanAdapterFactory(), "acme");

    await(create(inOneGateway, "one@example.com"));
    await(create(inAnother, "another@example.com"));

    assertEquals(2, simulator.users().size());
  }

  @Test
  void conflictingBudgetsForOneTeamInOneFactoryAreAConfigurationErrorNamingTheKey() {
    PostmanAdapterFactory factory = new PostmanAdapterFactory();
    oneWriteAMinute(factory, "acme");

    InvalidConfigException error = assertThrows(InvalidConfigException.class,
        () -> oneWriteAMinute(factory, "globex", simulator.baseUrl(), 2));

    assertTrue(error.getMessage().startsWith("tenants.globex.postman.rateLimit: tenant globex uses the same Postman"
        + " team (baseUrl and apiKey) as tenant acme"), error.getMessage());
    assertFalse(error.getMessage().contains(AdapterRig.API_KEY), error.getMessage());
    oneWriteAMinute(new PostmanAdapterFactory(), "globex", simulator.baseUrl(), 2);
  }

  @Test
  void theLastTenantToLeaveFreesItsTeamsBudget() {
    PostmanAdapterFactory factory = new PostmanAdapterFactory();
    ScimAdapter acme = oneWriteAMinute(factory, "acme");
    await(create(acme, "acme@example.com"));
    await(acme.close());
    adapters.remove(acme);

    ScimAdapter globex = oneWriteAMinute(factory, "globex", simulator.baseUrl(), 2);

    await(create(globex, "one@example.com"));
    await(create(globex, "two@example.com"));
    assertEquals(3, simulator.users().size(), "a new budget of two writes, not acme's used-up one");
  }
}
