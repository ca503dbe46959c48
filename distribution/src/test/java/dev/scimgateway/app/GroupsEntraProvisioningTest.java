package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Entra ID's group provisioning, in the shapes Microsoft documents: look-ups and reads with
 * {@code excludedAttributes=members}, a create with an externalId and no members, capitalised
 * {@code Add}/{@code Remove} member batches with {@code "$ref": null}, the removal by a value list (and
 * the flagged {@code members[value eq …]} form), {@code Replace} of displayName, and the delete. Bodies
 * are {@code application/json}. Each step asserts Entra's answer, Postman's state and Postman's calls.
 */
class GroupsEntraProvisioningTest {

  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private GatewayHarness harness;
  private final List<String> users = new ArrayList<>();

  @BeforeEach
  void start() {
    harness = GatewayHarness.start();
    for (String name : List.of("ann", "bob", "cat")) {
      var created = harness.post(harness.usersPath(), new JsonObject().put("userName", name + "@contoso.com")
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
  void provisionAGroupThroughItsWholeLife() {
    // Look-up without members; nothing found (Postman's filter, then the scan).
    var lookUp = entra(HttpMethod.GET, harness.groupsPath() + "?excludedAttributes=members&filter=displayName+eq+%22Sales%22", null);
    assertEquals(200, lookUp.status(), lookUp.body());
    assertEquals(0, lookUp.json().getInteger("totalResults"));
    assertEquals(List.of("GET /Groups", "GET /Groups"), harness.upstreamCalls());

    // Create with an externalId and no members: Postman gets the name only (it keeps no externalId).
    harness.simulator.clearRequests();
    var created = entra(HttpMethod.POST, harness.groupsPath(), IdpRequests.entraGroupCreate("Sales", UUID.randomUUID().toString()));
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    assertEquals(List.of("POST /Groups"), harness.upstreamCalls());
    assertEquals(new JsonObject("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Sales","members":[]}"""),
        harness.upstreamBodies().get(0));

    // Add a batch of members with "$ref": null: one PATCH naming exactly them.
    harness.simulator.clearRequests();
    var added = entra(HttpMethod.PATCH, harness.groupsPath() + "/" + id,
        IdpRequests.entraAddMembers(users.get(0), users.get(1), users.get(2)));
    assertEquals(200, added.status(), added.body());
    assertEquals(List.of("PATCH /Groups/{id}"), harness.upstreamCalls());
    assertEquals(new JsonObject("""
        {"schemas":["%s"],"Operations":[{"op":"add","path":"members","value":[{"value":"%s"},{"value":"%s"},{"value":"%s"}]}]}"""
        .formatted(PATCH_OP, users.get(0), users.get(1), users.get(2))), harness.upstreamBodies().get(0));
    assertEquals(users, values(group().getJsonArray("members")));

    // Remove two in Entra's older shape (a value list): one PATCH with one removal each, not "remove all".
    harness.simulator.clearRequests();
    var removed = entra(HttpMethod.PATCH, harness.groupsPath() + "/" + id, IdpRequests.entraRemoveMembers(users.get(0), users.get(1)));
    assertEquals(200, removed.status(), removed.body());
    assertEquals(List.of("PATCH /Groups/{id}"), harness.upstreamCalls());
    assertEquals(new JsonObject("""
        {"schemas":["%s"],"Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"},
          {"op":"remove","path":"members[value eq \\"%s\\"]"}]}""".formatted(PATCH_OP, users.get(0), users.get(1))),
        harness.upstreamBodies().get(0));
    assertEquals(List.of(users.get(2)), values(group().getJsonArray("members")));

    // The flagged (aadOptscim062020) removal: one PATCH.
    harness.simulator.clearRequests();
    var flagged = entra(HttpMethod.PATCH, harness.groupsPath() + "/" + id, """
        {"schemas":["%s"],"Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"}]}""".formatted(PATCH_OP, users.get(2)));
    assertEquals(200, flagged.status(), flagged.body());
    assertEquals(List.of("PATCH /Groups/{id}"), harness.upstreamCalls());
    assertEquals(List.of(), values(group().getJsonArray("members")));

    // Replace displayName: one PATCH; Postman's members: null never reaches Entra as "no members".
    harness.simulator.clearRequests();
    var renamed = entra(HttpMethod.PATCH, harness.groupsPath() + "/" + id, IdpRequests.entraRename("Sales EMEA"));
    assertEquals(200, renamed.status(), renamed.body());
    assertEquals("Sales EMEA", renamed.json().getString("displayName"));
    assertFalse(renamed.json().containsKey("members"));
    assertEquals(List.of("PATCH /Groups/{id}"), harness.upstreamCalls());
    assertEquals("Sales EMEA", group().getString("displayName"));

    // Reads and look-ups without members, in another case: one call each, no members shown.
    harness.simulator.clearRequests();
    var read = entra(HttpMethod.GET, harness.groupsPath() + "/" + id + "?excludedAttributes=members", null);
    assertEquals(200, read.status(), read.body());
    assertFalse(read.json().containsKey("members"));
    assertEquals("Sales EMEA", read.json().getString("displayName"));
    var found = entra(HttpMethod.GET, harness.groupsPath() + "?excludedAttributes=members&filter=displayName+eq+%22sales+emea%22", null);
    assertEquals(1, found.json().getInteger("totalResults"), found.body());
    JsonObject listed = found.json().getJsonArray("Resources").getJsonObject(0);
    assertEquals(id, listed.getString("id"));
    assertFalse(listed.containsKey("members"));
    assertEquals(List.of("GET /Groups/{id}", "GET /Groups"), harness.upstreamCalls());

    // Delete; a second delete is 404, which Entra tolerates.
    harness.simulator.clearRequests();
    assertEquals(204, entra(HttpMethod.DELETE, harness.groupsPath() + "/" + id, null).status());
    assertEquals(List.of("DELETE /Groups/{id}"), harness.upstreamCalls());
    assertEquals(List.of(), harness.simulator.groups());
    assertEquals(404, entra(HttpMethod.DELETE, harness.groupsPath() + "/" + id, null).status());

    // Metrics name group calls by their template, never by a group id.
    String metrics = harness.send(HttpMethod.GET, "/metrics", null, null).body();
    assertTrue(metrics.contains("operation=\"PATCH /Groups/{id}\""), "upstream calls by template");
    assertTrue(metrics.contains("resource=\"Groups\""), "IdP requests by resource");
    assertFalse(metrics.contains(id), "no group id in a label");
  }

  @Test
  void aMemberWhoIsNotAPostmanUserIsRefusedWithTheirIdAndNothingChanges() {
    String id = entra(HttpMethod.POST, harness.groupsPath(), "{\"displayName\":\"Support\"}").json().getString("id");

    var refused = entra(HttpMethod.PATCH, harness.groupsPath() + "/" + id, """
        {"schemas":["%s"],"Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"not-a-user"}]}]}"""
        .formatted(PATCH_OP));

    assertEquals(400, refused.status(), refused.body());
    assertEquals("invalidValue", refused.json().getString("scimType"));
    assertEquals("400", refused.json().getString("status"));
    assertTrue(refused.json().getString("detail").contains("'not-a-user'"), refused.body());
    assertEquals(List.of(), values(group().getJsonArray("members")));
  }

  @Test
  void aTakenNameIsAUniquenessConflictNamingIt() {
    assertEquals(201, entra(HttpMethod.POST, harness.groupsPath(), "{\"displayName\":\"Finance\"}").status());

    var conflict = entra(HttpMethod.POST, harness.groupsPath(), "{\"displayName\":\"Finance\"}");

    assertEquals(409, conflict.status(), conflict.body());
    assertEquals("uniqueness", conflict.json().getString("scimType"));
    assertTrue(conflict.json().getString("detail").contains("group named 'Finance'"), conflict.body());
    assertEquals(1, harness.simulator.groups().size());
  }

  @Test
  void anUnknownGroupIs404() {
    var missing = entra(HttpMethod.PATCH, harness.groupsPath() + "/no-such-group", """
        {"schemas":["%s"],"Operations":[{"op":"Replace","path":"displayName","value":"X"}]}""".formatted(PATCH_OP));

    assertEquals(404, missing.status(), missing.body());
    assertEquals(404, entra(HttpMethod.GET, harness.groupsPath() + "/no-such-group", null).status());
  }

  private GatewayHarness.Response entra(HttpMethod method, String path, String body) {
    return harness.send(method, path, GatewayHarness.TOKEN, body, "application/json");
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
