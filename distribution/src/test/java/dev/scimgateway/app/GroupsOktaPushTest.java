package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Okta's Push Groups, in the shapes Okta's SCIM 2.0 reference documents: the look-up before the create,
 * the create with no members, membership PATCHes that carry the path-less rename every time, a rename,
 * {@code replace members} (to a list and to {@code []}), an older app's PUT, and the delete. Each step
 * asserts what Okta gets, what Postman holds and exactly which calls Postman received.
 */
class GroupsOktaPushTest {

  private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private GatewayHarness harness;
  private final List<String> users = new ArrayList<>();

  @BeforeEach
  void start() {
    harness = GatewayHarness.start();
    for (String name : List.of("ann", "bob", "cat")) {
      var created = harness.post(harness.usersPath(), new JsonObject().put("userName", name + "@example.com")
          .put("name", new JsonObject().put("givenName", name).put("familyName", "Doe")));
      assertEquals(201, created.status(), created.body());
      users.add(created.json().getString("id"));
    }
    harness.simulator.clearRequests();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void pushAGroupThroughItsWholeLife() {
    // Look-up before the create: Postman's exact filter, then a scan proves no other case of the name exists.
    var lookUp = harness.get(harness.groupsPath() + "?filter=displayName%20eq%20%22Engineering%22&startIndex=1&count=100");
    assertEquals(200, lookUp.status(), lookUp.body());
    assertEquals(0, lookUp.json().getInteger("totalResults"));
    assertEquals(List.of("GET /Groups?filter=displayName eq \"Engineering\"&startIndex=1&count=100",
        "GET /Groups?startIndex=1&count=100"), harness.upstreamCallsWithQueries());

    // Create with no members: one POST.
    harness.simulator.clearRequests();
    var created = harness.post(harness.groupsPath(), new JsonObject()
        .put("schemas", new JsonArray().add(GROUP_SCHEMA)).put("displayName", "Engineering").put("members", new JsonArray()));
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    assertTrue(created.headers().get("Location").endsWith("/Groups/" + id));
    assertEquals("Engineering", created.json().getString("displayName"));
    assertEquals(List.of("POST /Groups"), harness.upstreamCalls());
    assertTrue(harness.logLines.stream().anyMatch(line -> line.contains(" audit ") && line.contains("action=create")
        && line.contains("resourceType=Group") && line.contains("id=" + id) && line.contains("display=Engineering")),
        "the create is audited with the group's displayName: " + harness.logLines);

    // Add two members, with Okta's unchanged rename: one PATCH with exactly the members, no read, no rename.
    harness.simulator.clearRequests();
    var added = patch(id, rename(id, "Engineering"), """
        {"op":"add","path":"members","value":[{"value":"%s","display":"ann@example.com"},{"value":"%s","display":"bob@example.com"}]}"""
        .formatted(users.get(0), users.get(1)));
    assertEquals(200, added.status(), added.body());
    assertEquals(List.of(users.get(0), users.get(1)), values(added.json().getJsonArray("members")));
    assertEquals(List.of("PATCH /Groups/{id}"), harness.upstreamCalls());
    assertEquals(new JsonObject("""
        {"schemas":["%s"],"Operations":[{"op":"add","path":"members","value":[{"value":"%s"},{"value":"%s"}]}]}"""
        .formatted(PATCH_OP, users.get(0), users.get(1))), harness.upstreamBodies().get(0));
    assertEquals(List.of(users.get(0), users.get(1)), values(group().getJsonArray("members")));

    // Remove one, again with the rename: one PATCH.
    harness.simulator.clearRequests();
    var removed = patch(id, rename(id, "Engineering"), """
        {"op":"remove","path":"members[value eq \\"%s\\"]"}""".formatted(users.get(0)));
    assertEquals(200, removed.status(), removed.body());
    assertEquals(List.of("PATCH /Groups/{id}"), harness.upstreamCalls());
    assertEquals(List.of(users.get(1)), values(group().getJsonArray("members")));

    // A membership PATCH whose only other operation is the unchanged rename changes nothing: no call.
    harness.simulator.clearRequests();
    var nothing = patch(id, rename(id, "Engineering"));
    assertEquals(200, nothing.status(), nothing.body());
    assertEquals("Engineering", nothing.json().getString("displayName"));
    assertEquals(List.of(), harness.upstreamCalls());

    // A real rename: one PATCH; Postman answers members: null, so Okta gets no members attribute (not []).
    harness.simulator.clearRequests();
    var renamed = patch(id, rename(id, "Engineering Team"));
    assertEquals(200, renamed.status(), renamed.body());
    assertEquals("Engineering Team", renamed.json().getString("displayName"));
    assertFalse(renamed.json().containsKey("members"), renamed.body());
    assertEquals(List.of("PATCH /Groups/{id}"), harness.upstreamCalls());
    assertEquals("Engineering Team", group().getString("displayName"));
    assertEquals(List.of(users.get(1)), values(group().getJsonArray("members")), "the rename kept the members");

    // Replace the members: a read, then one PATCH with the difference.
    harness.simulator.clearRequests();
    var replaced = patch(id, rename(id, "Engineering Team"), """
        {"op":"replace","path":"members","value":[{"value":"%s"},{"value":"%s"}]}""".formatted(users.get(1), users.get(2)));
    assertEquals(200, replaced.status(), replaced.body());
    assertEquals(List.of("GET /Groups/{id}", "PATCH /Groups/{id}"), harness.upstreamCalls());
    assertEquals(new JsonObject("""
        {"schemas":["%s"],"Operations":[{"op":"add","path":"members","value":[{"value":"%s"}]}]}"""
        .formatted(PATCH_OP, users.get(2))), harness.upstreamBodies().get(1));
    assertEquals(List.of(users.get(1), users.get(2)), values(group().getJsonArray("members")));

    // A look-up in another case finds the group with the spelling Postman has, in one call.
    harness.simulator.clearRequests();
    var found = harness.get(harness.groupsPath() + "?filter=displayName%20eq%20%22engineering%20team%22&startIndex=1&count=100");
    assertEquals(1, found.json().getInteger("totalResults"), found.body());
    assertEquals(id, found.json().getJsonArray("Resources").getJsonObject(0).getString("id"));
    assertEquals(List.of("GET /Groups?filter=displayName eq \"Engineering Team\"&startIndex=1&count=100"),
        harness.upstreamCallsWithQueries());

    // Replace with members: [] empties the group.
    harness.simulator.clearRequests();
    var emptied = patch(id, rename(id, "Engineering Team"), """
        {"op":"replace","path":"members","value":[]}""");
    assertEquals(200, emptied.status(), emptied.body());
    assertEquals(List.of("GET /Groups/{id}", "PATCH /Groups/{id}"), harness.upstreamCalls());
    assertEquals(List.of(), values(group().getJsonArray("members")));

    // Delete: one DELETE; the group is gone.
    harness.simulator.clearRequests();
    assertEquals(204, harness.delete(harness.groupsPath() + "/" + id).status());
    assertEquals(List.of("DELETE /Groups/{id}"), harness.upstreamCalls());
    assertEquals(List.of(), harness.simulator.groups());
    assertEquals(404, harness.get(harness.groupsPath() + "/" + id).status());
  }

  @Test
  void olderAppsPutTheWholeGroup() {
    String id = harness.post(harness.groupsPath(), new JsonObject().put("schemas", new JsonArray().add(GROUP_SCHEMA))
        .put("displayName", "Ops").put("members", new JsonArray().add(member(users.get(0))))).json().getString("id");
    harness.simulator.clearRequests();

    var put = harness.put(harness.groupsPath() + "/" + id, new JsonObject().put("schemas", new JsonArray().add(GROUP_SCHEMA))
        .put("id", id).put("displayName", "Operations")
        .put("members", new JsonArray().add(member(users.get(1))).add(member(users.get(2)))));

    assertEquals(200, put.status(), put.body());
    assertEquals("Operations", put.json().getString("displayName"));
    assertEquals(List.of(users.get(1), users.get(2)), values(put.json().getJsonArray("members")));
    assertEquals(List.of("GET /Groups/{id}", "PATCH /Groups/{id}"), harness.upstreamCalls(), "a read, then the difference");
    assertEquals(List.of(users.get(1), users.get(2)), values(group().getJsonArray("members")));
    assertEquals("Operations", group().getString("displayName"));

    harness.simulator.clearRequests();
    var same = harness.put(harness.groupsPath() + "/" + id, new JsonObject().put("displayName", "Operations")
        .put("members", new JsonArray().add(member(users.get(2))).add(member(users.get(1)))));
    assertEquals(200, same.status(), same.body());
    assertEquals(List.of("GET /Groups/{id}"), harness.upstreamCalls(), "nothing differs: no write");
  }

  @Test
  void theRenameOfAGroupTheGatewayHasNotSeenRidesInTheMembershipPatch() {
    String id = createdInPostman("QA");
    harness.simulator.clearRequests();

    var added = patch(id, rename(id, "QA"), """
        {"op":"add","path":"members","value":[{"value":"%s","display":"ann@example.com"}]}""".formatted(users.get(0)));

    assertEquals(200, added.status(), added.body());
    assertEquals(List.of("PATCH /Groups/{id}"), harness.upstreamCalls(), "one request, never an extra call");
    assertEquals(new JsonObject("""
        {"schemas":["%s"],"Operations":[{"op":"replace","value":{"id":"%s","displayName":"QA"}},
          {"op":"add","path":"members","value":[{"value":"%s"}]}]}""".formatted(PATCH_OP, id, users.get(0))),
        harness.upstreamBodies().get(0));
    assertEquals(List.of(users.get(0)), values(added.json().getJsonArray("members")));

    harness.simulator.clearRequests();
    assertEquals(200, patch(id, rename(id, "QA")).status());
    assertEquals(List.of(), harness.upstreamCalls(), "now the gateway knows the name");
  }

  /** A group made in Postman by someone else (its admin console, another gateway), unknown to this gateway. */
  private String createdInPostman(String displayName) {
    var response = GatewayHarness.await(harness.client.postAbs(harness.simulator.baseUrl() + "/Groups")
        .putHeader("Authorization", GatewayHarness.API_KEY)
        .sendJsonObject(new JsonObject().put("displayName", displayName)));
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject().getString("id");
  }

  private GatewayHarness.Response patch(String id, String... operations) {
    return harness.patch(harness.groupsPath() + "/" + id,
        new JsonObject("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + String.join(",", operations) + "]}"));
  }

  private static String rename(String id, String displayName) {
    return "{\"op\":\"replace\",\"value\":{\"id\":\"" + id + "\",\"displayName\":\"" + displayName + "\"}}";
  }

  private static JsonObject member(String id) {
    return new JsonObject().put("value", id);
  }

  private JsonObject group() {
    assertEquals(1, harness.simulator.groups().size());
    return harness.simulator.groups().get(0);
  }

  private static List<String> values(JsonArray members) {
    List<String> values = new ArrayList<>();
    members.forEach(member -> values.add(((JsonObject) member).getString("value")));
    return values;
  }
}
