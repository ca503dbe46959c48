package dev.scimgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsersApiTest extends SimulatorHttpTest {

  private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

  @Test
  void createReturnsExactlyWhatPostmanStores() throws Exception {
    JsonObject body = newUser("taylor.lee@example.com", "Taylor", "Lee")
        .put("displayName", "Taylor Lee")
        .put("emails", new JsonArray().add(new JsonObject().put("value", "taylor.lee@example.com")));

    HttpResponse<Buffer> response = send(HttpMethod.POST, "/Users", body);

    assertEquals(201, response.statusCode());
    assertEquals("application/json", response.getHeader("Content-Type"));
    JsonObject user = response.bodyAsJsonObject();
    assertEquals(List.of("schemas", "id", "userName", "name", "externalId", "active", "meta"),
        List.copyOf(user.fieldNames()));
    assertTrue(user.getString("id").matches("[0-9a-f]{48}"), user.getString("id"));
    assertEquals("taylor.lee@example.com", user.getString("userName"));
    assertEquals(new JsonObject().put("givenName", "Taylor").put("familyName", "Lee"), user.getJsonObject("name"));
    assertEquals("ext-taylor.lee@example.com", user.getString("externalId"));
    assertTrue(user.getBoolean("active"));
    JsonObject meta = user.getJsonObject("meta");
    assertEquals("User", meta.getString("resourceType"));
    assertTrue(meta.getString("created").matches(TIMESTAMP), meta.getString("created"));
    assertEquals(meta.getString("created"), meta.getString("lastModified"));
    assertEquals(List.of(user), simulator.users());
  }

  @Test
  void createWithoutExternalIdOrActiveOmitsExternalIdAndDefaultsActive() throws Exception {
    JsonObject body = newUser("a@example.com", "A", "B");
    body.remove("externalId");
    body.remove("active");

    JsonObject user = send(HttpMethod.POST, "/Users", body).bodyAsJsonObject();

    assertFalse(user.containsKey("externalId"));
    assertTrue(user.getBoolean("active"));
  }

  @Test
  void getReturnsTheStoredUserAndUnknownIdsAreNotMembers() throws Exception {
    JsonObject created = create("get.me@example.com");

    HttpResponse<Buffer> found = get("/Users/" + created.getString("id"));
    assertEquals(200, found.statusCode());
    assertEquals(created, found.bodyAsJsonObject());

    assertError(get("/Users/405775fe15ed41872a8eea4c8aa2b38cda9749812cc55c99"), PostmanError.NOT_MEMBER);
  }

  @Test
  void duplicateUserNameIgnoringCaseIsAlreadyAMember() throws Exception {
    create("dup@example.com");

    assertError(send(HttpMethod.POST, "/Users", newUser("DUP@Example.com", "X", "Y")), PostmanError.ALREADY_MEMBER);
    assertEquals(1, simulator.users().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"userName\":\"x@example.com\",\"name\":{}}",
      "{\"userName\":\"x@example.com\",\"name\":{\"givenName\":\"A\"}}",
      "{\"userName\":\"x@example.com\",\"name\":{\"givenName\":\" \",\"familyName\":\"B\"}}",
      "{\"userName\":\"x@example.com\"}",
      "{\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"}}",
      "{\"userName\":\"not-an-email\",\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"}}",
      "{\"userName\":42,\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"}}",
      "{\"userName\":\"x@example.com\",\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"},\"active\":\"true\"}",
      "{\"userName\":\"x@example.com\",\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"",
      "[]",
      ""
  })
  void invalidCreateBodiesAreInvalidSyntax(String body) throws Exception {
    HttpResponse<Buffer> response = await(scim(HttpMethod.POST, "/Users")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body)));

    assertError(response, PostmanError.INVALID_BODY);
    assertEquals("invalidSyntax", response.bodyAsJsonObject().getString("scimType"));
    assertTrue(simulator.users().isEmpty());
  }

  @Test
  void aJsonBodyWithoutAJsonContentTypeIsNotParsed() throws Exception {
    HttpResponse<Buffer> response = await(scim(HttpMethod.POST, "/Users")
        .putHeader("Content-Type", "text/plain")
        .sendBuffer(newUser("x@example.com", "A", "B").toBuffer()));

    assertError(response, PostmanError.INVALID_BODY);
  }

  @Test
  void scimJsonContentTypeIsAccepted() throws Exception {
    HttpResponse<Buffer> response = await(scim(HttpMethod.POST, "/Users")
        .putHeader("Content-Type", "application/scim+json; charset=utf-8")
        .sendBuffer(newUser("entra@example.com", "En", "Tra").toBuffer()));

    assertEquals(201, response.statusCode(), response.bodyAsString());
  }

  @Test
  void putUpdatesOnlyTheNameAndIgnoresActive() throws Exception {
    JsonObject created = create("put.me@example.com");
    String id = created.getString("id");
    JsonObject body = newUser("PUT.me@example.com", "New", "Name").put("active", false).put("externalId", "other");

    HttpResponse<Buffer> response = send(HttpMethod.PUT, "/Users/" + id, body);

    assertEquals(200, response.statusCode(), response.bodyAsString());
    JsonObject updated = response.bodyAsJsonObject();
    assertEquals(new JsonObject().put("givenName", "New").put("familyName", "Name"), updated.getJsonObject("name"));
    assertEquals("put.me@example.com", updated.getString("userName"));
    assertTrue(updated.getBoolean("active"));
    assertEquals(created.getString("externalId"), updated.getString("externalId"));
    assertEquals(created.getJsonObject("meta").getString("created"), updated.getJsonObject("meta").getString("created"));
    assertEquals(updated, get("/Users/" + id).bodyAsJsonObject());
  }

  @Test
  void putWithoutUserNameIsAccepted() throws Exception {
    String id = create("no.username@example.com").getString("id");
    JsonObject body = new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
        .put("name", new JsonObject().put("givenName", "Only").put("familyName", "Name"));

    assertEquals(200, send(HttpMethod.PUT, "/Users/" + id, body).statusCode());
  }

  @Test
  void putChangingTheUserNameIsRefusedAndChangesNothing() throws Exception {
    JsonObject created = create("fixed@example.com");
    String id = created.getString("id");

    HttpResponse<Buffer> response = send(HttpMethod.PUT, "/Users/" + id, newUser("moved@example.com", "New", "Name"));

    assertError(response, PostmanError.USERNAME_NOT_UPDATABLE);
    assertEquals(created, get("/Users/" + id).bodyAsJsonObject());
  }

  @Test
  void putWithAnEmptyNameIsInvalidAndUnknownIdsAreNotMembers() throws Exception {
    String id = create("empty.name@example.com").getString("id");
    JsonObject emptyName = newUser("empty.name@example.com", "A", "B").put("name", new JsonObject());

    assertError(send(HttpMethod.PUT, "/Users/" + id, emptyName), PostmanError.INVALID_BODY);
    assertError(send(HttpMethod.PUT, "/Users/ffff", newUser("a@example.com", "A", "B")), PostmanError.NOT_MEMBER);
  }

  @Test
  void patchDeactivatesAndReactivates() throws Exception {
    String id = create("patch.me@example.com").getString("id");

    HttpResponse<Buffer> off = send(HttpMethod.PATCH, "/Users/" + id, patchActive(false));
    assertEquals(200, off.statusCode(), off.bodyAsString());
    assertFalse(off.bodyAsJsonObject().getBoolean("active"));
    assertFalse(get("/Users/" + id).bodyAsJsonObject().getBoolean("active"));

    HttpResponse<Buffer> on = send(HttpMethod.PATCH, "/Users/" + id, patchActive(true));
    assertTrue(on.bodyAsJsonObject().getBoolean("active"));
  }

  @Test
  void unsupportedPatchOperationsChangeNothing() throws Exception {
    JsonObject created = create("entra.style@example.com");
    String id = created.getString("id");
    List<JsonObject> bodies = List.of(
        patchOf(new JsonObject().put("op", "Replace").put("value", new JsonObject().put("active", false))),
        patchOf(new JsonObject().put("op", "replace").put("path", "name.givenName").put("value", "Changed")),
        patchActive("False"),
        patchOf(new JsonObject().put("op", "add").put("value", new JsonObject().put("active", false))),
        patchOf(new JsonObject().put("op", "remove").put("path", "active")),
        patchOf(new JsonObject().put("op", "replace").put("path", "active").put("value", false)),
        patchOf(new JsonObject().put("op", "replace")
            .put("value", new JsonObject().put("active", false).put("displayName", "X"))),
        // a supported operation first: nothing may be applied when a later one is unsupported
        patchOf(new JsonObject().put("op", "replace").put("value", new JsonObject().put("active", false)),
            new JsonObject().put("op", "replace").put("path", "name.familyName").put("value", "Changed")));

    for (JsonObject body : bodies) {
      HttpResponse<Buffer> response = send(HttpMethod.PATCH, "/Users/" + id, body);
      assertError(response, PostmanError.UNSUPPORTED_OPERATION);
      assertEquals("invalidSyntax", response.bodyAsJsonObject().getString("scimType"));
    }
    assertEquals(created, get("/Users/" + id).bodyAsJsonObject());
  }

  @Test
  void patchUserNameIsRefusedUnlessUnchanged() throws Exception {
    String id = create("same@example.com").getString("id");
    JsonObject change = patchOf(new JsonObject().put("op", "replace").put("path", "userName")
        .put("value", "other@example.com"));
    JsonObject same = patchOf(new JsonObject().put("op", "replace").put("path", "userName")
        .put("value", "SAME@example.com"));

    assertError(send(HttpMethod.PATCH, "/Users/" + id, change), PostmanError.USERNAME_NOT_UPDATABLE);
    HttpResponse<Buffer> unchanged = send(HttpMethod.PATCH, "/Users/" + id, same);
    assertEquals(200, unchanged.statusCode());
    assertEquals("same@example.com", unchanged.bodyAsJsonObject().getString("userName"));
  }

  @Test
  void malformedOrIncompletePatchBodiesAreInvalidSyntax() throws Exception {
    String id = create("bad.patch@example.com").getString("id");

    HttpResponse<Buffer> malformed = await(scim(HttpMethod.PATCH, "/Users/" + id)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{\"schemas\":")));
    assertError(malformed, PostmanError.INVALID_BODY);
    assertError(send(HttpMethod.PATCH, "/Users/" + id, new JsonObject().put("Operations", new JsonArray())),
        PostmanError.INVALID_BODY);
    assertError(send(HttpMethod.PATCH, "/Users/ffff", patchActive(false)), PostmanError.NOT_MEMBER);
  }

  @Test
  void listFiltersByUserNameCaseSensitivelyInEitherQuoteStyle() throws Exception {
    create("first@example.com");
    JsonObject second = create("taylor-lee+test@example.com");

    for (String filter : List.of("userName eq \"taylor-lee+test@example.com\"",
        "username eq 'taylor-lee+test@example.com'", "USERNAME EQ \"taylor-lee+test@example.com\"")) {
      JsonObject list = await(scim(HttpMethod.GET, "/Users").addQueryParam("filter", filter).send())
          .bodyAsJsonObject();
      assertEquals(1, list.getInteger("totalResults"), filter);
      assertEquals(second, list.getJsonArray("Resources").getJsonObject(0), filter);
    }
    JsonObject wrongCase = await(scim(HttpMethod.GET, "/Users")
        .addQueryParam("filter", "userName eq \"FIRST@example.com\"").send()).bodyAsJsonObject();
    assertEquals(new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
        .put("totalResults", 0).put("startIndex", 1).put("itemsPerPage", 0).put("Resources", new JsonArray()),
        wrongCase);
  }

  @Test
  void listFiltersByActive() throws Exception {
    String inactive = create("inactive@example.com").getString("id");
    create("active@example.com");
    send(HttpMethod.PATCH, "/Users/" + inactive, patchActive(false));

    for (String filter : List.of("active eq \"false\"", "active eq false")) {
      JsonObject list = await(scim(HttpMethod.GET, "/Users").addQueryParam("filter", filter).send())
          .bodyAsJsonObject();
      assertEquals(1, list.getInteger("totalResults"), filter);
      assertEquals(inactive, list.getJsonArray("Resources").getJsonObject(0).getString("id"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "userName ne \"a@example.com\"",
      "userName co \"example\"",
      "userName eq \"a@example.com\" and active eq \"true\"",
      "userName eq \"a@example.com\" or userName eq \"b@example.com\"",
      "externalId eq \"123\"",
      "emails[type eq \"work\"].value eq \"a@example.com\"",
      "displayName eq \"A\"",
      "active eq \"yes\"",
      "userName eq a@example.com",
      "userName pr",
      ""
  })
  void unsupportedFiltersAreRefused(String filter) throws Exception {
    HttpResponse<Buffer> response = await(scim(HttpMethod.GET, "/Users").addQueryParam("filter", filter).send());

    assertError(response, PostmanError.UNSUPPORTED_FILTER);
    assertFalse(response.bodyAsJsonObject().containsKey("scimType"));
  }

  @Test
  void listPaginatesInCreationOrderAndCapsCountAt100() throws Exception {
    for (int i = 0; i < 5; i++) {
      create("user" + i + "@example.com");
    }

    JsonObject page = get("/Users?startIndex=2&count=2").bodyAsJsonObject();
    assertEquals(5, page.getInteger("totalResults"));
    assertEquals(2, page.getInteger("startIndex"));
    assertEquals(2, page.getInteger("itemsPerPage"));
    JsonArray resources = page.getJsonArray("Resources");
    assertEquals("user1@example.com", resources.getJsonObject(0).getString("userName"));
    assertEquals("user2@example.com", resources.getJsonObject(1).getString("userName"));

    JsonObject countZero = get("/Users?count=0").bodyAsJsonObject();
    assertEquals(5, countZero.getInteger("totalResults"));
    assertTrue(countZero.getJsonArray("Resources").isEmpty());

    assertEquals(1, get("/Users?startIndex=0&count=1").bodyAsJsonObject().getInteger("startIndex"));
    assertTrue(get("/Users?startIndex=9").bodyAsJsonObject().getJsonArray("Resources").isEmpty());
  }

  @Test
  void countIsCappedAtMaxResults() throws Exception {
    for (int i = 0; i < 101; i++) {
      create("many" + i + "@example.com");
    }

    JsonObject list = get("/Users?count=500").bodyAsJsonObject();
    assertEquals(101, list.getInteger("totalResults"));
    assertEquals(100, list.getInteger("itemsPerPage"));
    assertEquals(100, get("/Users").bodyAsJsonObject().getJsonArray("Resources").size());
  }

  @Test
  void serviceProviderConfigAdvertisesPostmansCapabilities() throws Exception {
    HttpResponse<Buffer> response = get("/ServiceProviderConfig");

    assertEquals(200, response.statusCode());
    JsonObject config = response.bodyAsJsonObject();
    assertTrue(config.getJsonObject("patch").getBoolean("supported"));
    assertEquals(new JsonObject().put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0),
        config.getJsonObject("bulk"));
    assertEquals(new JsonObject().put("supported", true).put("maxResults", 100), config.getJsonObject("filter"));
    for (String unsupported : List.of("changePassword", "sort", "etag")) {
      assertFalse(config.getJsonObject(unsupported).getBoolean("supported"), unsupported);
    }
    assertEquals("oauthbearertoken",
        config.getJsonArray("authenticationSchemes").getJsonObject(0).getString("type"));
    assertEquals(simulator.baseUrl() + "/ServiceProviderConfig",
        config.getJsonObject("meta").getString("location"));
  }

  @Test
  void resourceTypesIsABareArray() throws Exception {
    HttpResponse<Buffer> response = get("/ResourceTypes");

    assertEquals(200, response.statusCode());
    JsonArray types = response.bodyAsJsonArray();
    assertEquals(2, types.size());
    assertEquals("/Users", types.getJsonObject(0).getString("endpoint"));
    assertEquals("urn:ietf:params:scim:schemas:core:2.0:User", types.getJsonObject(0).getString("schema"));
  }

  @Test
  void bothKeyFormsAreAccepted() throws Exception {
    for (String authorization : List.of(KEY, "Bearer " + KEY, "bearer " + KEY)) {
      HttpResponse<Buffer> response = await(client.get(simulator.port(), HOST, "/scim/v2/Users")
          .putHeader("Authorization", authorization).send());
      assertEquals(200, response.statusCode(), authorization);
    }
  }

  @Test
  void missingEmptyOrWrongKeysAreRefusedBeforeAnythingElse() throws Exception {
    List<HttpResponse<Buffer>> responses = List.of(
        await(client.get(simulator.port(), HOST, "/scim/v2/Users").send()),
        await(client.get(simulator.port(), HOST, "/scim/v2/Users").putHeader("Authorization", "").send()),
        await(client.get(simulator.port(), HOST, "/scim/v2/Users").putHeader("Authorization", "invalidApiKey")
            .send()),
        await(client.get(simulator.port(), HOST, "/scim/v2/Users").putHeader("Authorization", "Bearer")
            .send()),
        await(client.post(simulator.port(), HOST, "/scim/v2/Users").putHeader("Authorization", "Bearer wrong")
            .sendJsonObject(newUser("sneaky@example.com", "A", "B"))),
        await(client.get(simulator.port(), HOST, "/scim/v2/ServiceProviderConfig").send()),
        await(client.delete(simulator.port(), HOST, "/scim/v2/Users/abc").send()));

    for (HttpResponse<Buffer> response : responses) {
      assertError(response, PostmanError.BAD_KEY);
    }
    assertTrue(simulator.users().isEmpty());
  }

  @Test
  void resourceTypesRefusesAMissingKeyWithPostmansGenericError() throws Exception {
    HttpResponse<Buffer> response = await(client.get(simulator.port(), HOST, "/scim/v2/ResourceTypes").send());

    assertEquals(401, response.statusCode());
    assertEquals("AuthenticationError", response.bodyAsJsonObject().getJsonObject("error").getString("name"));
  }

  @Test
  void unknownRoutesAndMethodsGetPostmansGenericNotFound() throws Exception {
    String id = create("not.deleted@example.com").getString("id");
    JsonObject notFound = new JsonObject()
        .put("error", new JsonObject().put("name", "NotFound")
            .put("message", "We can't seem to find what you are looking for."))
        .put("status", "error");
    List<HttpResponse<Buffer>> responses = List.of(
        await(scim(HttpMethod.DELETE, "/Users/" + id).send()),
        await(scim(HttpMethod.PUT, "/Users").sendJsonObject(newUser("a@example.com", "A", "B"))),
        await(scim(HttpMethod.POST, "/Users/" + id).sendJsonObject(newUser("a@example.com", "A", "B"))),
        await(scim(HttpMethod.DELETE, "/Groups").send()),
        await(scim(HttpMethod.GET, "/Schemas").send()),
        await(scim(HttpMethod.GET, "/users").send()),
        await(scim(HttpMethod.GET, "/Users/").send()),
        await(request(HttpMethod.GET, "/scim/v1/Users").send()),
        await(request(HttpMethod.GET, "/").send()));

    for (HttpResponse<Buffer> response : responses) {
      assertEquals(404, response.statusCode());
      assertEquals(notFound, response.bodyAsJsonObject());
    }
    assertEquals(1, simulator.users().size());
  }

  @Test
  void userByUserNameMatchesExactly() throws Exception {
    JsonObject created = create("Mixed.Case@example.com");

    assertEquals(created, simulator.userByUserName("Mixed.Case@example.com").orElseThrow());
    assertTrue(simulator.userByUserName("mixed.case@example.com").isEmpty());
  }

  @Test
  void requestsAreRecordedInOrderWithoutTheKey() throws Exception {
    create("recorded@example.com");
    get("/Users?filter=userName%20eq%20%22recorded%40example.com%22");
    await(client.get(simulator.port(), HOST, "/scim/v2/Users").putHeader("Authorization", "wrong").send());

    List<RecordedRequest> requests = simulator.requests();
    assertEquals(3, requests.size());
    RecordedRequest post = requests.get(0);
    assertEquals("POST", post.method());
    assertEquals("/scim/v2/Users", post.path());
    assertEquals(null, post.query());
    assertEquals("recorded@example.com", new JsonObject(post.body()).getString("userName"));
    assertEquals(201, post.status());
    assertEquals("filter=userName%20eq%20%22recorded%40example.com%22", requests.get(1).query());
    assertEquals("", requests.get(1).body());
    assertEquals(401, requests.get(2).status());
    assertFalse(requests.toString().contains(KEY));

    simulator.clearRequests();
    assertTrue(simulator.requests().isEmpty());
  }

  @Test
  void resetDropsUsersRequestsAndFaults() throws Exception {
    create("gone@example.com");
    simulator.inject(Fault.once("*", ".*", new FaultAction.Respond(PostmanError.TEAM_GONE)));

    simulator.reset();

    assertTrue(simulator.users().isEmpty());
    assertTrue(simulator.requests().isEmpty());
    assertEquals(0, simulator.pendingFaults());
    assertEquals(200, get("/Users").statusCode());
  }

  @Test
  void idsAreUnique() throws Exception {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      ids.add(create("unique" + i + "@example.com").getString("id"));
    }
    assertEquals(20, ids.size());
  }
}
