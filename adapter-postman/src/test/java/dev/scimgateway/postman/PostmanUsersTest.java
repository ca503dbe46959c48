package dev.scimgateway.postman;

import static dev.scimgateway.postman.PostmanTestSupport.await;
import static dev.scimgateway.postman.PostmanTestSupport.failure;
import static dev.scimgateway.postman.PostmanTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ListFilter;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.simulator.Fault;
import dev.scimgateway.simulator.FaultAction;
import dev.scimgateway.simulator.PostmanError;
import dev.scimgateway.simulator.RecordedRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Postman adapter sends upstream for each provider operation, as the simulator recorded it. */
class PostmanUsersTest {

  private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private static PostmanTestSupport postman;
  private static ResourceProvider users;

  @BeforeAll
  static void start() {
    postman = PostmanTestSupport.start();
    users = postman.users;
  }

  @AfterAll
  static void stop() {
    postman.close();
  }

  @BeforeEach
  void clean() {
    postman.simulator.reset();
  }

  /** A user as the gateway hands it to the provider: only the attributes Postman stores. */
  private static ObjectNode jane(boolean active) {
    return json("""
        {"userName":"jane@example.com","name":{"givenName":"Jane","familyName":"Doe"},"externalId":"00u1","active":%s}"""
        .formatted(active));
  }

  private static String createJane(boolean active) {
    String id = await(users.create(jane(active))).get("id").asText();
    postman.simulator.clearRequests();
    return id;
  }

  private static List<String> calls() {
    return postman.simulator.requests().stream()
        .map(request -> request.method() + " " + request.path().replace("/scim/v2", "").replaceAll("/Users/[^/]+", "/Users/{id}"))
        .toList();
  }

  private static JsonObject body(int index) {
    return new JsonObject(postman.simulator.requests().get(index).body());
  }

  private static JsonObject setActive(boolean active) {
    return new JsonObject("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":" + active + "}}]}");
  }

  private static Set<String> fieldNames(JsonObject json) {
    return new TreeSet<>(json.fieldNames());
  }

  private static Map<String, List<String>> query(RecordedRequest request) {
    return new QueryStringDecoder(request.query() == null ? "" : request.query(), false).parameters();
  }

  @Test
  void capabilitiesDescribePostman() {
    var capabilities = users.capabilities();

    assertEquals(Set.of("userName", "name.givenName", "name.familyName", "externalId", "active"), capabilities.attributes());
    assertEquals(ResourceCapabilities.equalityOn("userName", "externalId"), capabilities.filters(),
        "externalId and case-insensitive userName look-ups are resolved in the adapter");
    assertEquals(EnumSet.allOf(Operation.class), capabilities.operations());
    assertTrue(capabilities.deleteDeactivates());
  }

  @Test
  void groupCapabilitiesDescribePostman() {
    var capabilities = postman.adapter.provider(ResourceType.GROUP).orElseThrow().capabilities();

    assertEquals(Set.of("displayName", "members"), capabilities.attributes(), "Postman keeps no externalId of the IdP's");
    assertEquals(ResourceCapabilities.equalityOn("displayName"), capabilities.filters());
    assertEquals(EnumSet.allOf(Operation.class), capabilities.operations());
    assertFalse(capabilities.deleteDeactivates(), "a group delete really deletes");
  }

  @Test
  void createSendsOnlySchemasUserNameNameExternalIdAndActive() {
    ObjectNode created = await(users.create(jane(true)));

    assertEquals(List.of("POST /Users"), calls());
    JsonObject sent = body(0);
    assertEquals(Set.of("schemas", "userName", "name", "externalId", "active"), fieldNames(sent));
    assertEquals(List.of(USER_SCHEMA), sent.getJsonArray("schemas").getList());
    assertEquals(new JsonObject("{\"givenName\":\"Jane\",\"familyName\":\"Doe\"}"), sent.getJsonObject("name"));
    assertEquals("jane@example.com", sent.getString("userName"));
    assertEquals("00u1", sent.getString("externalId"));
    assertEquals(true, sent.getBoolean("active"));
    assertTrue(created.get("id").isTextual(), created.toString());
    assertEquals("jane@example.com", created.get("userName").asText());
  }

  @Test
  void createOfAnInactiveUserKeepsItInactive() {
    ObjectNode created = await(users.create(jane(false)));

    assertEquals(false, body(0).getBoolean("active"));
    assertEquals(false, created.get("active").asBoolean(true));
  }

  @Test
  void aCreateWhoseOutcomeStaysUnknownReachesTheIdpAsThe502ItCarries() {
    postman.simulator.inject(new Fault("POST", "/Users", 3, new FaultAction.Respond(PostmanError.ADD_MEMBER_FAILED)));

    ScimFailure failure = failure(users.create(jane(true)));

    assertEquals(ScimFailure.class, failure.getClass(), "a plain ScimFailure: nothing the gateway would answer with 500");
    assertEquals(502, failure.status());
    assertTrue(failure.detail().startsWith("Postman failed on POST /Users with HTTP 500: Unable to add members"),
        failure.detail());
    assertEquals(Optional.empty(), failure.retryAfterSeconds());
    assertEquals(List.of("POST /Users", "GET /Users", "POST /Users", "GET /Users", "POST /Users", "GET /Users"), calls(),
        "each unknown outcome is looked up before the create is sent again");
  }

  @Test
  void getReturnsOnlyUserAttributes() {
    String id = createJane(true);

    ObjectNode user = await(users.get(id));

    assertEquals(List.of("GET /Users/{id}"), calls());
    assertEquals(id, user.get("id").asText());
    Set<String> names = new TreeSet<>();
    user.fieldNames().forEachRemaining(names::add);
    assertTrue(Set.of("schemas", "id", "userName", "name", "externalId", "active", "meta", "emails").containsAll(names),
        names.toString());
    assertEquals(user.get("userName"), user.path("emails").path(0).path("value"), "the userName is the email");
  }

  @Test
  void replaceWithAChangedActiveIsAPutThenAPatch() {
    String id = createJane(true);
    ObjectNode replacement = jane(false);
    ((ObjectNode) replacement.get("name")).put("givenName", "Janet");

    ObjectNode stored = await(users.replace(id, replacement));

    assertEquals(List.of("PUT /Users/{id}", "PATCH /Users/{id}"), calls());
    assertEquals("Janet", body(0).getJsonObject("name").getString("givenName"));
    assertEquals(setActive(false), body(1));
    assertEquals(false, stored.get("active").asBoolean(true));
    assertEquals("Janet", stored.get("name").get("givenName").asText());
    assertEquals(false, postman.simulator.users().get(0).getBoolean("active"));
  }

  @Test
  void replaceWithAnUnchangedActiveIsOnlyAPut() {
    String id = createJane(true);
    ObjectNode replacement = jane(true);
    ((ObjectNode) replacement.get("name")).put("familyName", "Dough");

    ObjectNode stored = await(users.replace(id, replacement));

    assertEquals(List.of("PUT /Users/{id}"), calls());
    assertEquals(Set.of("schemas", "userName", "name", "externalId", "active"), fieldNames(body(0)));
    assertEquals("Dough", stored.get("name").get("familyName").asText());
  }

  @Test
  void replaceWithoutActiveIsOnlyAPut() {
    String id = createJane(false);
    ObjectNode replacement = jane(true);
    replacement.remove("active");

    await(users.replace(id, replacement));

    assertEquals(List.of("PUT /Users/{id}"), calls());
    assertEquals(false, postman.simulator.users().get(0).getBoolean("active"), "absent active leaves it as it was");
  }

  @Test
  void modifyOfOnlyActiveIsOnlyAPatch() {
    String id = createJane(true);

    ObjectNode stored = await(users.modify(id, PostmanTestSupport.change(jane(true), jane(false))));

    assertEquals(List.of("PATCH /Users/{id}"), calls());
    assertEquals(setActive(false), body(0));
    assertEquals(false, stored.get("active").asBoolean(true));
  }

  @Test
  void modifyOfNamesIsOnlyAPut() {
    String id = createJane(true);
    ObjectNode after = jane(true);
    ((ObjectNode) after.get("name")).put("givenName", "Janet");

    ObjectNode stored = await(users.modify(id, PostmanTestSupport.change(jane(true), after)));

    assertEquals(List.of("PUT /Users/{id}"), calls());
    assertEquals("Janet", body(0).getJsonObject("name").getString("givenName"));
    assertEquals("Doe", body(0).getJsonObject("name").getString("familyName"));
    assertEquals("Janet", stored.get("name").get("givenName").asText());
  }

  @Test
  void modifyOfNamesAndActiveIsAPutThenAPatch() {
    String id = createJane(false);
    ObjectNode after = jane(true);
    ((ObjectNode) after.get("name")).put("familyName", "Dough");

    ObjectNode stored = await(users.modify(id, PostmanTestSupport.change(jane(false), after)));

    assertEquals(List.of("PUT /Users/{id}", "PATCH /Users/{id}"), calls());
    assertEquals(setActive(true), body(1));
    assertEquals(true, stored.get("active").asBoolean(false));
    assertEquals("Dough", stored.get("name").get("familyName").asText());
  }

  @Test
  void modifyThatChangesNothingPostmanCaresAboutSendsNothing() {
    String id = createJane(true);

    ObjectNode result = await(users.modify(id, PostmanTestSupport.change(jane(true), jane(true))));

    assertEquals(List.of(), calls());
    assertEquals("jane@example.com", result.get("userName").asText());
  }

  @Test
  void deleteDeactivatesWithOnePatch() {
    String id = createJane(true);

    await(users.delete(id));

    assertEquals(List.of("PATCH /Users/{id}"), calls());
    assertEquals(setActive(false), body(0));
    assertEquals(1, postman.simulator.users().size(), "Postman cannot delete users");
    assertEquals(false, postman.simulator.users().get(0).getBoolean("active"));
  }

  @Test
  void deleteOfAnUnknownUserIs404() {
    ScimFailure error = failure(users.delete("0123456789abcdef"));

    assertEquals(404, error.status());
  }

  @Test
  void listPushesUserNameEqDownWithPaging() {
    String id = createJane(true);

    ResourcePage page = await(users.list(new ListQuery(Optional.of(ListFilter.equality("userName", "jane@example.com", false)), 1, 7)));

    assertEquals(List.of("GET /Users"), calls());
    Map<String, List<String>> query = query(postman.simulator.requests().get(0));
    assertEquals(List.of("userName eq \"jane@example.com\""), query.get("filter"));
    assertEquals(List.of("1"), query.get("startIndex"), "the adapter pages the (at most one) match itself");
    assertEquals(List.of("100"), query.get("count"));
    assertEquals(1, page.totalResults());
    assertEquals(1, page.startIndex());
    assertEquals(id, page.resources().get(0).get("id").asText());
  }

  @Test
  void listWithoutFilterPassesStartIndexAndCount() {
    for (int i = 1; i <= 5; i++) {
      await(users.create(json("{\"userName\":\"u%d@example.com\",\"name\":{\"givenName\":\"U\",\"familyName\":\"%d\"}}".formatted(i, i))));
    }
    postman.simulator.clearRequests();

    ResourcePage page = await(users.list(new ListQuery(Optional.empty(), 3, 2)));

    Map<String, List<String>> query = query(postman.simulator.requests().get(0));
    assertFalse(query.containsKey("filter"), query.toString());
    assertEquals(List.of("3"), query.get("startIndex"));
    assertEquals(List.of("2"), query.get("count"));
    assertEquals(5, page.totalResults());
    assertEquals(3, page.startIndex());
    assertEquals(List.of("u3@example.com", "u4@example.com"), page.resources().stream().map(u -> u.get("userName").asText()).toList());
  }

  @Test
  void listWithCountZeroAsksOnlyForTheTotal() {
    createJane(true);

    ResourcePage page = await(users.list(new ListQuery(Optional.empty(), 1, 0)));

    assertEquals(List.of("0"), query(postman.simulator.requests().get(0)).get("count"));
    assertEquals(1, page.totalResults());
    assertTrue(page.resources().isEmpty());
  }

  @Test
  void aUserNameWithPlusSurvivesTheRoundTrip() {
    String userName = "first+tag@example.com";
    ObjectNode created = await(users.create(json(
        "{\"userName\":\"" + userName + "\",\"name\":{\"givenName\":\"F\",\"familyName\":\"T\"}}")));
    postman.simulator.clearRequests();

    ResourcePage page = await(users.list(new ListQuery(Optional.of(ListFilter.equality("userName", userName, false)), 1, 100)));

    assertEquals(List.of("userName eq \"first+tag@example.com\""), query(postman.simulator.requests().get(0)).get("filter"));
    assertEquals(1, page.totalResults(), "a '+' sent unencoded would arrive as a space");
    assertEquals(created.get("id"), page.resources().get(0).get("id"));
    assertEquals(userName, page.resources().get(0).get("userName").asText());
    assertEquals(userName, await(users.get(created.get("id").asText())).get("userName").asText());
  }

  @Test
  void quotesAndBackslashesInAFilterValueAreEscapedForPostman() {
    String userName = "we\"ird+x\\y@example.com";

    ResourcePage page = await(users.list(new ListQuery(Optional.of(ListFilter.equality("userName", userName, false)), 1, 100)));

    RecordedRequest request = postman.simulator.requests().get(0);
    assertEquals(List.of("userName eq \"we\\\"ird+x\\\\y@example.com\""), query(request).get("filter"));
    assertEquals(200, request.status(), "Postman understood the filter");
    assertEquals(0, page.totalResults());
  }

  @Test
  void anIdCannotEscapeItsPathSegment() {
    ScimFailure error = failure(users.get("../ServiceProviderConfig"));

    assertEquals(404, error.status());
    assertEquals("/scim/v2/Users/..%2FServiceProviderConfig", postman.simulator.requests().get(0).path());
  }

  @Test
  void anIdWithSpacesAndQueryCharactersStaysInThePath() {
    failure(users.get("a b?c=d#e"));

    RecordedRequest request = postman.simulator.requests().get(0);
    assertEquals("/scim/v2/Users/a%20b%3Fc%3Dd%23e", request.path());
    assertEquals(null, request.query());
  }

  @Test
  void theApiKeyIsSentAndNeverRecorded() {
    await(users.list(new ListQuery(Optional.empty(), 1, 1)));

    RecordedRequest request = postman.simulator.requests().get(0);
    assertEquals(200, request.status(), "the simulator accepted the key");
    assertFalse(request.toString().contains(PostmanTestSupport.API_KEY));
  }
}
