package dev.scimgateway.postman.users;

import static dev.scimgateway.postman.PostmanTestSupport.await;
import static dev.scimgateway.postman.PostmanTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ListFilter;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.postman.AdapterRig;
import dev.scimgateway.simulator.Fault;
import dev.scimgateway.simulator.FaultAction;
import dev.scimgateway.simulator.PostmanError;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the id cache buys, counted in upstream calls, and that it never buys a wrong answer: look-ups
 * by externalId and by userName in another case, after a restart, with stale entries, per tenant.
 */
class IdCacheLookupTest {

  /** A budget no test here reaches: what is counted is calls, not waits. */
  private static final Consumer<ObjectNode> DEFAULTS =
      settings -> settings.putObject("rateLimit").put("reads", 100_000).put("writes", 100_000).put("perSeconds", 60);
  private static final Consumer<ObjectNode> WARM_UP = DEFAULTS.andThen(settings -> settings.putObject("idCache").put("warmUp", true));

  private AdapterRig rig;

  @BeforeEach
  void start() {
    rig = AdapterRig.start(SimulatorOptions.defaults().withBudget(100_000, 100_000, java.time.Duration.ofSeconds(60)));
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private static ObjectNode user(String userName, String externalId) {
    return json("""
        {"userName":"%s","name":{"givenName":"G","familyName":"F"},"externalId":"%s","active":true}"""
        .formatted(userName, externalId));
  }

  /** Creates users through a tenant of their own, so that the tenant under test has not seen them. */
  private void createElsewhere(int count) {
    PostmanUsers other = AdapterRig.users(rig.adapter("elsewhere-" + count + "-" + System.nanoTime(), DEFAULTS));
    List<Future<ObjectNode>> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      created.add(other.create(user("Person" + i + "@Example.com", "ext-" + i)));
    }
    await(Future.all(created));
    rig.simulator.clearRequests();
  }

  private static List<ObjectNode> lookUp(PostmanUsers users, String attribute, String value) {
    ResourcePage page = await(users.list(new ListQuery(Optional.of(ListFilter.equality(attribute, value, false)), 1, 100)));
    assertEquals(page.resources().size(), page.totalResults());
    return page.resources();
  }

  private int callsSince(Runnable action) {
    rig.simulator.clearRequests();
    action.run();
    return rig.simulator.requests().size();
  }

  @Test
  void aUserSeenBeforeCostsOneCallByExternalIdOrByUserNameInAnyCase() {
    PostmanUsers users = AdapterRig.users(rig.adapter("t1", DEFAULTS));
    String id = await(users.create(user("Jane.Doe@Example.com", "00u1"))).get("id").asText();

    assertEquals(1, callsSince(() -> assertEquals(id, lookUp(users, "externalId", "00u1").get(0).get("id").asText())));
    assertEquals(List.of("GET /Users/{id}"), rig.calls());
    assertEquals(1, callsSince(() -> assertEquals(id, lookUp(users, "userName", "jane.doe@example.com").get(0).get("id").asText())));
    assertEquals(List.of("GET /Users?filter=userName eq \"Jane.Doe@Example.com\"&startIndex=1&count=100"), rig.callsWithQueries(),
        "Postman's filter is case-sensitive: the spelling Postman has is asked for");
    assertEquals(1, callsSince(() -> assertEquals(id, lookUp(users, "userName", "JANE.DOE@EXAMPLE.COM").get(0).get("id").asText())));

    PostmanUsers.IdCacheStats stats = users.idCacheStats();
    assertEquals(1, stats.externalIdHits());
    assertEquals(2, stats.userNameHits());
  }

  @Test
  void anUnseenUserNameCostsOneCallOrTwoWithCapitals() {
    createElsewhere(1); // Person0@Example.com
    PostmanUsers users = AdapterRig.users(rig.adapter("t1", DEFAULTS));

    assertEquals(1, callsSince(() -> assertEquals(1, lookUp(users, "userName", "Person0@Example.com").size())));
    assertEquals(1, callsSince(() -> assertEquals(0, lookUp(users, "userName", "nobody@example.com").size())));
    assertEquals(2, callsSince(() -> assertEquals(0, lookUp(users, "userName", "Nobody@Example.com").size())),
        "as given, then in lower case");
    assertEquals(1, callsSince(() -> assertEquals(1, lookUp(users, "userName", "person0@example.com").size())),
        "learned by the first look-up");
  }

  @Test
  void anUnseenExternalIdIsFoundByAScanNeverAWrongNotFound() {
    createElsewhere(250);
    PostmanUsers users = AdapterRig.users(rig.adapter("t1", DEFAULTS));

    assertEquals(3, callsSince(() -> assertEquals("Person249@Example.com",
        lookUp(users, "externalId", "ext-249").get(0).get("userName").asText())), "250 users, 100 a page");
    assertEquals(1, callsSince(() -> assertEquals("Person7@Example.com",
        lookUp(users, "externalId", "ext-7").get(0).get("userName").asText())), "the scan taught it every user");
    assertEquals(3, callsSince(() -> assertEquals(0, lookUp(users, "externalId", "never-created").size())),
        "not found only after looking at every page");
  }

  @Test
  void aUserCreatedBehindTheCachesBackIsStillFound() {
    PostmanUsers users = AdapterRig.users(rig.adapter("t1", WARM_UP));
    assertEquals(0, lookUp(users, "externalId", "ext-0").size());

    createElsewhere(1); // someone else creates ext-0 after the warm-up

    assertEquals("Person0@Example.com", lookUp(users, "externalId", "ext-0").get(0).get("userName").asText());
  }

  @Test
  void concurrentExternalIdLookUpsShareScans() {
    createElsewhere(150);
    PostmanUsers users = AdapterRig.users(rig.adapter("t1", DEFAULTS));
    rig.simulator.clearRequests();

    List<Future<ResourcePage>> lookUps = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      lookUps.add(users.list(new ListQuery(Optional.of(ListFilter.equality("externalId", "ext-" + (i * 7), false)), 1, 100)));
    }
    await(Future.all(lookUps));

    for (int i = 0; i < 20; i++) {
      assertEquals("ext-" + (i * 7), lookUps.get(i).result().resources().get(0).get("externalId").asText());
    }
    int calls = rig.simulator.requests().size();
    assertTrue(calls <= 2 * 2 + 20, "at most two scans of two pages, and a read per user learned meanwhile: " + calls);
  }

  @Test
  void aWarmUpMakesLookUpsAfterARestartCheap() {
    createElsewhere(150);

    ScimAdapter adapter = rig.adapter("t1", WARM_UP);
    PostmanUsers users = AdapterRig.users(adapter);

    assertEquals(List.of("GET /Users", "GET /Users"), rig.calls(), "two pages, inside the read budget");
    assertEquals(150, users.idCacheStats().size());
    assertEquals(1, callsSince(() -> assertEquals(1, lookUp(users, "externalId", "ext-149").size())));
    assertEquals(1, callsSince(() -> assertEquals(1, lookUp(users, "userName", "person42@example.com").size())));
    assertEquals(2, users.idCacheStats().hits());
  }

  @Test
  void aStaleEntryCostsACallNeverAWrongAnswer() {
    PostmanUsers users = AdapterRig.users(rig.adapter("t1", DEFAULTS));
    String id = await(users.create(user("stale@example.com", "ext-stale"))).get("id").asText();
    // Postman says, once, that this id is gone (as for a user removed behind the gateway's back).
    rig.simulator.inject(Fault.once("GET", "/Users/.+", new FaultAction.Respond(PostmanError.NOT_MEMBER)));
    rig.simulator.clearRequests();

    List<ObjectNode> found = lookUp(users, "externalId", "ext-stale");

    assertEquals(id, found.get(0).get("id").asText(), "the scan found the user the stale entry lost");
    assertEquals(List.of("GET /Users/{id}", "GET /Users"), rig.calls());
  }

  @Test
  void aReadThatFindsNothingDropsTheEntry() {
    PostmanUsers users = AdapterRig.users(rig.adapter("t1", DEFAULTS));
    String id = await(users.create(user("gone@example.com", "ext-gone"))).get("id").asText();
    rig.simulator.inject(Fault.once("GET", "/Users/.+", new FaultAction.Respond(PostmanError.NOT_MEMBER)));

    assertEquals(404, dev.scimgateway.postman.PostmanTestSupport.failure(users.get(id)).status());
    rig.simulator.clearRequests();
    lookUp(users, "externalId", "ext-gone");

    assertEquals(List.of("GET /Users"), rig.calls(), "forgotten: a scan, not a read of the dropped id");
    assertEquals(1, users.idCacheStats().externalIdMisses());
  }

  @Test
  void tenantsNeverShareTheirCache() {
    PostmanUsers first = AdapterRig.users(rig.adapter("t1", DEFAULTS));
    PostmanUsers second = AdapterRig.users(rig.adapter("t2", DEFAULTS));
    await(first.create(user("shared@example.com", "ext-shared")));

    assertEquals(1, callsSince(() -> lookUp(first, "externalId", "ext-shared")));
    assertEquals(List.of("GET /Users/{id}"), rig.calls());
    lookUp(second, "externalId", "ext-shared");
    assertEquals(List.of("GET /Users"), rig.calls().subList(rig.calls().size() - 1, rig.calls().size()),
        "t2 has not seen the user: it scans");
    assertEquals(0, second.idCacheStats().externalIdHits());
  }

  @Test
  void theCacheIsBounded() {
    PostmanUsers users = AdapterRig.users(rig.adapter("t1", DEFAULTS.andThen(settings -> settings.putObject("idCache").put("maxSize", 5))));
    List<Future<ObjectNode>> created = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      created.add(users.create(user("b" + i + "@example.com", "b-" + i)));
    }
    await(Future.all(created));

    assertTrue(users.idCacheStats().size() <= 5, "size " + users.idCacheStats().size());
    assertTrue(users.idCacheStats().evictions() > 0);
    assertEquals("b39@example.com", lookUp(users, "externalId", "b-39").get(0).get("userName").asText(),
        "an evicted entry costs calls, not correctness");
  }
}
