package dev.scimgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupsApiTest extends SimulatorHttpTest {

  private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  @Test
  void createReturnsTheGroupWithItsMembers() throws Exception {
    String taylor = create("taylor.lee@example.com").getString("id");
    String alex = create("alex@example.com").getString("id");
    JsonObject body = newGroup("Test-API").put("members", new JsonArray()
        .add(new JsonObject().put("value", taylor).put("display", "Taylor Lee"))
        .add(new JsonObject().put("value", alex).put("$ref", null).put("type", "User")));

    HttpResponse<Buffer> response = send(HttpMethod.POST, "/Groups", body);

    assertEquals(201, response.statusCode(), response.bodyAsString());
    assertEquals("application/json", response.getHeader("Content-Type"));
    JsonObject group = response.bodyAsJsonObject();
    assertEquals(List.of("schemas", "id", "displayName", "members", "meta"), List.copyOf(group.fieldNames()));
    assertEquals(new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:Group"), group.getJsonArray("schemas"));
    assertTrue(group.getString("id").matches("[0-9a-f]{32}"), group.getString("id"));
    assertEquals("Test-API", group.getString("displayName"));
    assertEquals(new JsonArray()
            .add(new JsonObject().put("value", taylor).put("display", "Taylor Lee"))
            .add(new JsonObject().put("value", alex).put("display", "alex@example.com")),
        group.getJsonArray("members"));
    JsonObject meta = group.getJsonObject("meta");
    assertEquals("Group", meta.getString("resourceType"));
    assertTrue(meta.getString("created").matches(TIMESTAMP), meta.getString("created"));
    assertEquals(meta.getString("created"), meta.getString("lastModified"));
    assertEquals(List.of(group), simulator.groups());
    assertEquals(group, get("/Groups/" + group.getString("id")).bodyAsJsonObject());
  }

  @Test
  void createWithoutMembersKeepsTheExternalId() throws Exception {
    JsonObject body = newGroup("Entra Group").put("externalId", "0c8b6f7e");
    body.remove("members");

    JsonObject group = send(HttpMethod.POST, "/Groups", body).bodyAsJsonObject();

    assertEquals(List.of("schemas", "id", "displayName", "members", "externalId", "meta"),
        List.copyOf(group.fieldNames()));
    assertEquals(new JsonArray(), group.getJsonArray("members"));
    assertEquals("0c8b6f7e", group.getString("externalId"));
  }

  @Test
  void aMemberWhoIsNotAUserOfTheTeamIsRefusedAndNothingIsCreated() throws Exception {
    String user = create("member@example.com").getString("id");

    HttpResponse<Buffer> response = send(HttpMethod.POST, "/Groups",
        newGroup("Ghosts", user, "405775fe15ed41872a8eea4c8aa2b38cda9749812cc55c99"));

    assertError(response, PostmanError.NOT_MEMBER_FORBIDDEN);
    assertEquals("403", response.bodyAsJsonObject().getString("status"));
    assertTrue(simulator.groups().isEmpty());
  }

  @Test
  void aDuplicateDisplayNameIsAlreadyAMemberButOtherCaseIsAnotherName() throws Exception {
    createGroup("Engineering");

    HttpResponse<Buffer> duplicate = send(HttpMethod.POST, "/Groups", newGroup("Engineering"));

    assertError(duplicate, PostmanError.ALREADY_MEMBER);
    assertEquals("uniqueness", duplicate.bodyAsJsonObject().getString("scimType"));
    assertEquals(201, send(HttpMethod.POST, "/Groups", newGroup("engineering")).statusCode());
    assertEquals(2, simulator.groups().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"members\":[]}",
      "{\"displayName\":\"\",\"members\":[]}",
      "{\"displayName\":\"  \"}",
      "{\"displayName\":42}",
      "{\"displayName\":\"A\",\"members\":{}}",
      "{\"displayName\":\"A\",\"members\":[\"abc\"]}",
      "{\"displayName\":\"A\",\"members\":[{\"display\":\"no value\"}]}",
      "{\"displayName\":\"A\",\"members\":[{\"value\":42}]}",
      "{\"displayName\":\"A\",\"members\":[{\"value\":\"\"}]}",
      "{\"displayName\":\"A\",\"members\":[{\"value\":\"abc\",\"display\":7}]}",
      "{\"displayName\":\"A\",\"externalId\":7}",
      "{\"displayName\":\"A\"",
      "[]",
      ""
  })
  void invalidCreateBodiesAreInvalidSyntax(String body) throws Exception {
    HttpResponse<Buffer> response = await(scim(HttpMethod.POST, "/Groups")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body)));

    assertError(response, PostmanError.INVALID_BODY);
    assertTrue(simulator.groups().isEmpty());
  }

  @Test
  void unknownGroupsAreNotMembersOfTheTeam() throws Exception {
    HttpResponse<Buffer> response = get("/Groups/0123456789abcdef0123456789abcdef");

    assertError(response, PostmanError.GROUP_NOT_MEMBER);
    assertEquals(new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:Error"))
        .put("detail", "This group isn\u2019t a member of the team.")
        .put("status", "404"), response.bodyAsJsonObject());
    assertError(send(HttpMethod.PATCH, "/Groups/ffff", patchOf(renameOp("ffff", "X"))),
        PostmanError.GROUP_NOT_MEMBER_ON_PATCH);
    assertEquals("This Group isn\u2019t a member of the team.", PostmanError.GROUP_NOT_MEMBER_ON_PATCH.detail());
    assertError(await(scim(HttpMethod.DELETE, "/Groups/ffff").send()), PostmanError.GROUP_NOT_MEMBER);
  }

  @Test
  void aRenameOnlyPatchAnswersMembersNullAndKeepsTheMembers() throws Exception {
    String user = create("stays@example.com").getString("id");
    JsonObject created = createGroup("Old Name", user);
    String id = created.getString("id");

    HttpResponse<Buffer> response = send(HttpMethod.PATCH, "/Groups/" + id, patchOf(PUT_OP, renameOp(id, "New Name")));

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject renamed = response.bodyAsJsonObject();
    assertTrue(renamed.containsKey("members"));
    assertNull(renamed.getValue("members"));
    assertEquals("New Name", renamed.getString("displayName"));
    assertEquals(created.getJsonObject("meta").getString("created"), renamed.getJsonObject("meta").getString("created"));
    JsonObject stored = get("/Groups/" + id).bodyAsJsonObject();
    assertEquals("New Name", stored.getString("displayName"));
    assertEquals(created.getJsonArray("members"), stored.getJsonArray("members"));
  }

  @Test
  void aRenameMayOmitTheId() throws Exception {
    String id = createGroup("Unnamed").getString("id");
    JsonObject rename = new JsonObject().put("op", "replace")
        .put("value", new JsonObject().put("displayName", "Named"));

    HttpResponse<Buffer> response = send(HttpMethod.PATCH, "/Groups/" + id, patchOf(PATCH_OP, rename));

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals("Named", get("/Groups/" + id).bodyAsJsonObject().getString("displayName"));
  }

  @Test
  void addUnderEitherUrnAppendsAndAddingAPresentMemberIsHarmless() throws Exception {
    String[] users = createUsers("add", 3);
    String id = createGroup("Adders", users[0]).getString("id");

    HttpResponse<Buffer> patchOp = send(HttpMethod.PATCH, "/Groups/" + id, patchOf(PATCH_OP, addMembersOp(users[1])));
    assertEquals(200, patchOp.statusCode(), patchOp.bodyAsString());
    assertEquals(List.of(users[0], users[1]), memberIds(patchOp.bodyAsJsonObject()));

    HttpResponse<Buffer> putOp = send(HttpMethod.PATCH, "/Groups/" + id,
        patchOf(PUT_OP, addMembersOp(users[0], users[2], users[2])));
    assertEquals(200, putOp.statusCode(), putOp.bodyAsString());
    assertEquals(List.of(users[0], users[1], users[2]), memberIds(putOp.bodyAsJsonObject()));
    assertEquals(putOp.bodyAsJsonObject(), get("/Groups/" + id).bodyAsJsonObject());
  }

  @Test
  void removeTakesOutOneMemberAndRemovingAnAbsentOneChangesNothing() throws Exception {
    String[] users = createUsers("remove", 2);
    String id = createGroup("Removers", users).getString("id");

    HttpResponse<Buffer> removed = send(HttpMethod.PATCH, "/Groups/" + id, patchOf(PUT_OP, removeMemberOp(users[0])));
    assertEquals(200, removed.statusCode(), removed.bodyAsString());
    assertEquals(List.of(users[1]), memberIds(removed.bodyAsJsonObject()));

    HttpResponse<Buffer> again = send(HttpMethod.PATCH, "/Groups/" + id, patchOf(PATCH_OP, removeMemberOp(users[0])));
    assertEquals(200, again.statusCode(), again.bodyAsString());
    assertEquals(List.of(users[1]), memberIds(get("/Groups/" + id).bodyAsJsonObject()));
  }

  @Test
  void replaceSetsTheWholeListAndAnEmptyListEmptiesTheGroup() throws Exception {
    String[] users = createUsers("replace", 3);
    String id = createGroup("Replacers", users[0], users[1]).getString("id");

    HttpResponse<Buffer> replaced = send(HttpMethod.PATCH, "/Groups/" + id,
        patchOf(PUT_OP, replaceMembersOp(users[2], users[0])));
    assertEquals(200, replaced.statusCode(), replaced.bodyAsString());
    assertEquals(List.of(users[2], users[0]), memberIds(replaced.bodyAsJsonObject()));

    HttpResponse<Buffer> emptied = send(HttpMethod.PATCH, "/Groups/" + id, patchOf(PATCH_OP, replaceMembersOp()));
    assertEquals(200, emptied.statusCode(), emptied.bodyAsString());
    assertEquals(new JsonArray(), get("/Groups/" + id).bodyAsJsonObject().getJsonArray("members"));
  }

  @Test
  void severalOperationsApplyInOrderAndTheAnswerCarriesTheMembers() throws Exception {
    String[] users = createUsers("several", 3);
    String id = createGroup("Okta Push", users[0], users[1]).getString("id");

    HttpResponse<Buffer> response = send(HttpMethod.PATCH, "/Groups/" + id, patchOf(PUT_OP,
        removeMemberOp(users[0]),
        addMembersOp(users[2], users[0]),
        removeMemberOp(users[2]),
        renameOp(id, "Okta Push")));

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject group = response.bodyAsJsonObject();
    assertEquals(List.of(users[1], users[0]), memberIds(group));
    assertEquals("Okta Push", group.getString("displayName"));
    assertEquals(group, get("/Groups/" + id).bodyAsJsonObject());
  }

  @Test
  void aRefusedOperationAppliesNoneOfTheOthers() throws Exception {
    String[] users = createUsers("atomic", 2);
    JsonObject created = createGroup("Atomic", users[0]);
    String id = created.getString("id");
    String stranger = "ffffffffffffffffffffffffffffffffffffffffffffffff";

    assertError(send(HttpMethod.PATCH, "/Groups/" + id, patchOf(PATCH_OP,
            addMembersOp(users[1]), renameOp(id, "Changed"), removeMemberOp(users[0]), addMembersOp(stranger))),
        PostmanError.NOT_MEMBER_FORBIDDEN);
    assertError(send(HttpMethod.PATCH, "/Groups/" + id, patchOf(PUT_OP,
            removeMemberOp(users[0]), replaceMembersOp(users[1], stranger))),
        PostmanError.NOT_MEMBER_FORBIDDEN);
    assertError(send(HttpMethod.PATCH, "/Groups/" + id, patchOf(PATCH_OP,
            removeMemberOp(users[0]), new JsonObject().put("op", "Add").put("path", "members")
                .put("value", members(users[1])))),
        PostmanError.UNSUPPORTED_OPERATION);
    assertError(send(HttpMethod.PATCH, "/Groups/" + id, patchOf(PATCH_OP,
            renameOp(id, "Changed"), renameOp("0123456789abcdef0123456789abcdef", "Other"))),
        PostmanError.INVALID_BODY);

    assertEquals(created, get("/Groups/" + id).bodyAsJsonObject());
  }

  @Test
  void formsPostmanDoesNotDocumentAreUnsupportedOperations() throws Exception {
    String[] users = createUsers("entra", 1);
    JsonObject created = createGroup("Entra Style", users);
    String id = created.getString("id");
    List<JsonObject> operations = List.of(
        new JsonObject().put("op", "Add").put("path", "members").put("value", members(users)),
        new JsonObject().put("op", "Remove").put("path", "members[value eq \"" + users[0] + "\"]"),
        new JsonObject().put("op", "Replace").put("value", new JsonObject().put("displayName", "X")),
        new JsonObject().put("op", "replace").put("path", "displayName").put("value", "X"),
        new JsonObject().put("op", "remove").put("path", "members").put("value", members(users)),
        new JsonObject().put("op", "remove").put("path", "members"),
        new JsonObject().put("op", "remove").put("path", "members[display eq \"x\"]"),
        new JsonObject().put("op", "remove").put("path", "members[value ne \"" + users[0] + "\"]"),
        new JsonObject().put("op", "add").put("value", new JsonObject().put("members", members(users))),
        new JsonObject().put("op", "add").put("path", "displayName").put("value", "X"),
        new JsonObject().put("op", "add").put("path", "members[value eq \"" + users[0] + "\"]")
            .put("value", members(users)),
        new JsonObject().put("op", "replace").put("value", new JsonObject().put("displayName", "X")
            .put("members", members(users))),
        new JsonObject().put("op", "replace").put("value", "X"),
        new JsonObject().put("op", "move").put("path", "members").put("value", members(users)),
        new JsonObject().put("path", "members").put("value", members(users)));

    for (JsonObject op : operations) {
      HttpResponse<Buffer> response = send(HttpMethod.PATCH, "/Groups/" + id, patchOf(PUT_OP, op));
      assertError(response, PostmanError.UNSUPPORTED_OPERATION);
      assertEquals("invalidSyntax", response.bodyAsJsonObject().getString("scimType"), op.encode());
    }
    assertEquals(created, get("/Groups/" + id).bodyAsJsonObject());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"displayName\":\"X\"}}]}",
      "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
          + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"displayName\":\"X\"}}]}",
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PutOp\"],\"Operations\":[]}",
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PutOp\"]}",
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PutOp\"],"
          + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"displayName\":\" \"}}]}",
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PutOp\"],"
          + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"id\":7,\"displayName\":\"X\"}}]}",
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
          + "\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":{\"value\":\"abc\"}}]}",
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
          + "\"Operations\":[{\"op\":\"replace\",\"path\":\"members\",\"value\":[{\"value\":1}]}]}",
      "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":",
      ""
  })
  void malformedPatchBodiesAreInvalidSyntax(String body) throws Exception {
    JsonObject created = createGroup("Malformed");
    String id = created.getString("id");

    HttpResponse<Buffer> response = await(scim(HttpMethod.PATCH, "/Groups/" + id)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body)));

    assertError(response, PostmanError.INVALID_BODY);
    assertEquals(created, get("/Groups/" + id).bodyAsJsonObject());
  }

  @Test
  void renamingToAnotherGroupsNameIsAlreadyAMember() throws Exception {
    createGroup("Taken");
    JsonObject created = createGroup("Mine");
    String id = created.getString("id");

    assertError(send(HttpMethod.PATCH, "/Groups/" + id, patchOf(renameOp(id, "Taken"))), PostmanError.ALREADY_MEMBER);
    assertEquals(created, get("/Groups/" + id).bodyAsJsonObject());
    assertEquals(200, send(HttpMethod.PATCH, "/Groups/" + id, patchOf(renameOp(id, "Mine"))).statusCode());
  }

  @Test
  void deleteAnswers204AndLeavesTheMembersAlone() throws Exception {
    String user = create("survivor@example.com").getString("id");
    String id = createGroup("Doomed", user).getString("id");

    HttpResponse<Buffer> response = await(scim(HttpMethod.DELETE, "/Groups/" + id).send());

    assertEquals(204, response.statusCode());
    assertTrue(response.body() == null || response.body().length() == 0);
    assertNull(response.getHeader("Content-Type"));
    assertError(get("/Groups/" + id), PostmanError.GROUP_NOT_MEMBER);
    assertError(await(scim(HttpMethod.DELETE, "/Groups/" + id).send()), PostmanError.GROUP_NOT_MEMBER);
    assertTrue(simulator.groups().isEmpty());
    assertTrue(get("/Users/" + user).bodyAsJsonObject().getBoolean("active"));
    assertEquals(201, send(HttpMethod.POST, "/Groups", newGroup("Doomed")).statusCode());
  }

  @Test
  void deactivatedUsersStayInTheirGroupsAndCanStillBeAdded() throws Exception {
    String[] users = createUsers("inactive", 2);
    String id = createGroup("Mixed", users[0]).getString("id");
    send(HttpMethod.PATCH, "/Users/" + users[0], patchActive(false));
    send(HttpMethod.PATCH, "/Users/" + users[1], patchActive(false));

    HttpResponse<Buffer> response = send(HttpMethod.PATCH, "/Groups/" + id, patchOf(addMembersOp(users[1])));

    assertEquals(200, response.statusCode(), response.bodyAsString());
    assertEquals(List.of(users[0], users[1]), memberIds(response.bodyAsJsonObject()));
  }

  @Test
  void listFiltersByDisplayNameCaseSensitively() throws Exception {
    createGroup("Engineering");
    JsonObject testApi = createGroup("Test-API");
    JsonObject sales = createGroup("Sales Team");

    for (String filter : List.of("displayName eq \"Test-API\"", "DISPLAYNAME EQ 'Test-API'",
        "  displayname eq \"Test-API\"  ")) {
      JsonObject list = await(scim(HttpMethod.GET, "/Groups").addQueryParam("filter", filter).send())
          .bodyAsJsonObject();
      assertEquals(1, list.getInteger("totalResults"), filter);
      assertEquals(testApi, list.getJsonArray("Resources").getJsonObject(0), filter);
    }
    JsonObject encoded = get("/Groups?filter=displayName%20eq%20%22Sales%20Team%22").bodyAsJsonObject();
    assertEquals(new JsonArray().add(sales), encoded.getJsonArray("Resources"));
    JsonObject wrongCase = await(scim(HttpMethod.GET, "/Groups")
        .addQueryParam("filter", "displayName eq \"test-api\"").send()).bodyAsJsonObject();
    assertEquals(new JsonObject()
            .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
            .put("totalResults", 0).put("startIndex", 1).put("itemsPerPage", 0).put("Resources", new JsonArray()),
        wrongCase);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "displayName ne \"Test-API\"",
      "displayName co \"Test\"",
      "displayName sw \"Test\"",
      "displayName eq \"A\" and displayName eq \"B\"",
      "displayName eq \"A\" or displayName eq \"B\"",
      "displayName eq Test-API",
      "externalId eq \"123\"",
      "id eq \"0123456789abcdef0123456789abcdef\"",
      "userName eq \"a@example.com\"",
      "members[value eq \"abc\"]",
      "members.value eq \"abc\"",
      "displayName pr",
      ""
  })
  void unsupportedFiltersAreRefused(String filter) throws Exception {
    HttpResponse<Buffer> response = await(scim(HttpMethod.GET, "/Groups").addQueryParam("filter", filter).send());

    assertError(response, PostmanError.UNSUPPORTED_FILTER);
    assertFalse(response.bodyAsJsonObject().containsKey("scimType"));
  }

  @Test
  void listPaginatesInCreationOrder() throws Exception {
    for (int i = 0; i < 5; i++) {
      createGroup("group" + i);
    }

    JsonObject page = get("/Groups?startIndex=2&count=2").bodyAsJsonObject();
    assertEquals(5, page.getInteger("totalResults"));
    assertEquals(2, page.getInteger("startIndex"));
    assertEquals(2, page.getInteger("itemsPerPage"));
    JsonArray resources = page.getJsonArray("Resources");
    assertEquals("group1", resources.getJsonObject(0).getString("displayName"));
    assertEquals("group2", resources.getJsonObject(1).getString("displayName"));
    assertEquals(5, get("/Groups").bodyAsJsonObject().getJsonArray("Resources").size());

    JsonObject countZero = get("/Groups?count=0").bodyAsJsonObject();
    assertEquals(5, countZero.getInteger("totalResults"));
    assertTrue(countZero.getJsonArray("Resources").isEmpty());
    assertTrue(get("/Groups?startIndex=6").bodyAsJsonObject().getJsonArray("Resources").isEmpty());
  }

  @Test
  void listingNoGroupsIsAnEmptyListResponse() throws Exception {
    HttpResponse<Buffer> response = get("/Groups");

    assertEquals(200, response.statusCode());
    assertEquals(0, response.bodyAsJsonObject().getInteger("totalResults"));
    assertEquals(new JsonArray(), response.bodyAsJsonObject().getJsonArray("Resources"));
  }

  @Test
  void theDefaultLimitIsAThousandMembersPerRequest() throws Exception {
    String[] fake = new String[SimulatorOptions.DEFAULT_MAX_MEMBERS_PER_REQUEST + 1];
    for (int i = 0; i < fake.length; i++) {
      fake[i] = String.format("%048x", i + 1);
    }
    String[] thousand = Arrays.copyOf(fake, SimulatorOptions.DEFAULT_MAX_MEMBERS_PER_REQUEST);

    assertError(send(HttpMethod.POST, "/Groups", newGroup("Too Many", fake)), PostmanError.INVALID_BODY);
    assertError(send(HttpMethod.POST, "/Groups", newGroup("Not Too Many", thousand)),
        PostmanError.NOT_MEMBER_FORBIDDEN);
  }

  @Test
  void groupRoutesPostmanDoesNotHaveAreGenericNotFound() throws Exception {
    String id = createGroup("Routes").getString("id");
    JsonObject notFound = new JsonObject()
        .put("error", new JsonObject().put("name", "NotFound")
            .put("message", "We can't seem to find what you are looking for."))
        .put("status", "error");
    List<HttpResponse<Buffer>> responses = List.of(
        await(scim(HttpMethod.PUT, "/Groups/" + id).sendJsonObject(newGroup("Put"))),
        await(scim(HttpMethod.POST, "/Groups/" + id).sendJsonObject(newGroup("Post"))),
        await(scim(HttpMethod.PATCH, "/Groups").sendJsonObject(patchOf(renameOp(id, "X")))),
        await(scim(HttpMethod.DELETE, "/Groups").send()),
        await(scim(HttpMethod.GET, "/groups").send()),
        await(scim(HttpMethod.GET, "/Groups/").send()),
        await(scim(HttpMethod.GET, "/Groups/" + id + "/members").send()));

    for (HttpResponse<Buffer> response : responses) {
      assertEquals(404, response.statusCode());
      assertEquals(notFound, response.bodyAsJsonObject());
    }
    assertEquals("Routes", simulator.groups().get(0).getString("displayName"));
  }

  @Test
  void groupsNeedTheKey() throws Exception {
    String id = createGroup("Guarded").getString("id");

    assertError(await(client.get(simulator.port(), HOST, "/scim/v2/Groups").send()), PostmanError.BAD_KEY);
    assertError(await(client.delete(simulator.port(), HOST, "/scim/v2/Groups/" + id)
        .putHeader("Authorization", "wrong").send()), PostmanError.BAD_KEY);
    assertEquals(1, simulator.groups().size());
  }

  @Test
  void faultsCanTargetGroupPaths() throws Exception {
    String user = create("faulted@example.com").getString("id");
    simulator.inject(Fault.once("PATCH", "/Groups/.+", new FaultAction.Respond(PostmanError.UPDATE_MEMBER_FAILED)));
    simulator.inject(Fault.once("GET", "/Groups", new FaultAction.RespondRaw(503, "text/html", "<html>down</html>")));
    simulator.inject(Fault.once("POST", "/Groups", new FaultAction.DropResponseAfterApplying()));

    failure(scim(HttpMethod.POST, "/Groups").sendJsonObject(newGroup("Dropped", user)));
    JsonObject created = simulator.groupByDisplayName("Dropped").orElseThrow();
    String id = created.getString("id");
    assertError(send(HttpMethod.POST, "/Groups", newGroup("Dropped")), PostmanError.ALREADY_MEMBER);

    assertError(send(HttpMethod.PATCH, "/Groups/" + id, patchOf(removeMemberOp(user))),
        PostmanError.UPDATE_MEMBER_FAILED);
    assertEquals(created, get("/Groups/" + id).bodyAsJsonObject());

    HttpResponse<Buffer> raw = get("/Groups");
    assertEquals(503, raw.statusCode());
    assertEquals("<html>down</html>", raw.bodyAsString());
    assertEquals(200, get("/Groups").statusCode());
    assertEquals(0, simulator.pendingFaults());
  }

  @Test
  void controlEndpointsShowTheGroupsAndResetDropsThem() throws Exception {
    String user = create("control@example.com").getString("id");
    JsonObject group = createGroup("Controlled", user);
    JsonObject fault = new JsonObject().put("method", "GET").put("path", "/Groups/.+")
        .put("error", "GROUP_NOT_MEMBER");
    assertEquals(204, await(client.post(simulator.port(), HOST, "/_simulator/faults").sendJsonObject(fault))
        .statusCode());
    assertError(get("/Groups/" + group.getString("id")), PostmanError.GROUP_NOT_MEMBER);

    JsonArray groups = await(client.get(simulator.port(), HOST, "/_simulator/groups").send()).bodyAsJsonArray();
    assertEquals(new JsonArray().add(group), groups);
    assertEquals(group, simulator.groupByDisplayName("Controlled").orElseThrow());
    assertTrue(simulator.groupByDisplayName("controlled").isEmpty());

    assertEquals(204, await(client.post(simulator.port(), HOST, "/_simulator/reset").send()).statusCode());
    assertTrue(simulator.groups().isEmpty());
    assertEquals(new JsonArray(),
        await(client.get(simulator.port(), HOST, "/_simulator/groups").send()).bodyAsJsonArray());
  }

  @Test
  void resourceTypesListsGroups() throws Exception {
    JsonArray types = get("/ResourceTypes").bodyAsJsonArray();

    assertEquals(new JsonObject().put("id", "Group").put("endpoint", "/Groups").put("description", "Group Account"),
        types.getJsonObject(1));
  }

  private static List<String> memberIds(JsonObject group) {
    return group.getJsonArray("members").stream().map(m -> ((JsonObject) m).getString("value")).toList();
  }
}
