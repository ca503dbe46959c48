package dev.scimgateway.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.adapter.api.AttributeSelection;
import dev.scimgateway.adapter.api.ChangeSet;
import dev.scimgateway.adapter.api.ListFilter;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.core.config.ConfigLoader;
import dev.scimgateway.core.memory.MemoryAdapterFactory;
import dev.scimgateway.core.memory.MemoryResources;
import dev.scimgateway.core.tenant.AdapterRegistry;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real gateway over HTTP in front of the in-memory test adapter: what the core decides on its own,
 * whichever adapter sits behind it.
 */
class GatewayWithTestAdapterTest {

  private static final String TENANT = "core-test";
  private static final String TOKEN = "core-test-token-0123456789";
  private static final String READONLY = "core-readonly";
  private static final String READONLY_TOKEN = "core-readonly-token-0123456789";
  private static final String USERS = "/scim/v2/" + TENANT + "/Users";
  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
  private static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  private static final int MAX_BODY_BYTES = 1024;

  private static Vertx vertx;
  private static ScimGateway gateway;
  private static WebClient client;
  private static MemoryResources users;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    String yaml = """
        server:
          host: 127.0.0.1
          port: 0
          maxBodyBytes: %d
        tenants:
          %s:
            token: "${CORE_TOKEN}"
            adapter: memory
          %s:
            token: "%s"
            adapter: memory
            memory:
              operations: GET,LIST
        """.formatted(MAX_BODY_BYTES, TENANT, READONLY, READONLY_TOKEN);
    var config = ConfigLoader.withEnvironment(Map.of("CORE_TOKEN", TOKEN)).parse(yaml, "test configuration");
    gateway = await(ScimGateway.start(vertx, config, AdapterRegistry.fromClasspath()));
    client = WebClient.create(vertx);
    users = MemoryAdapterFactory.users(TENANT);
  }

  @AfterAll
  static void stop() {
    client.close();
    await(gateway.close());
    await(vertx.close());
  }

  @BeforeEach
  void clean() {
    users.reset();
    MemoryAdapterFactory.users(READONLY).reset();
  }

  // ---- PATCH: only what the provider stores reaches it ----

  @Test
  void aPatchThatChangesOnlyUnsupportedAttributesWritesNothing() {
    String id = users.seed("jane@example.com", true);

    Response response = patch(id, """
        {"op":"replace","path":"displayName","value":"Jane D."},
        {"op":"add","path":"emails","value":[{"type":"work","value":"jane@work.example"}]},
        {"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"R&D"}""");

    assertEquals(200, response.status(), response.body());
    assertEquals(List.of("modify " + id, "get " + id), users.calls());
    assertEquals(Set.of(), users.lastChange().attributes(), "nothing the provider stores is targeted");
    assertEquals(0, users.writes());
    assertEquals("jane@example.com", response.json().getString("userName"));
    assertEquals(id, response.json().getString("id"));
  }

  @Test
  void aPatchThatSetsASupportedAttributeToItsCurrentValueResolvesToNoChangeAndNoWrite() {
    String id = users.seed("jane@example.com", true);

    Response response = patch(id, "{\"op\":\"replace\",\"value\":{\"active\":true}}");

    assertEquals(200, response.status(), response.body());
    assertEquals(List.of("modify " + id, "get " + id), users.calls(), "the provider asked for the state");
    assertTrue(users.lastChanges().isEmpty(), users.lastChanges().toString());
    assertEquals(0, users.writes());
  }

  @Test
  void aPatchOfAnUnsupportedAttributeOfAUserWithAnExplicitNullWritesNothing() {
    String id = users.seed(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
        .put("userName", "nully@example.com").putNull("externalId").put("active", true));

    Response response = patch(id, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"N\"}");

    assertEquals(200, response.status(), response.body());
    assertEquals(0, users.writes(), "absent and null are the same value: " + users.lastChanges());
  }

  @Test
  void aPatchHandsTheProviderOnlyTheSupportedAttributesBeforeAndAfter() {
    String id = users.seed("jane@example.com", true);

    Response response = patch(id, """
        {"op":"Replace","path":"name.givenName","value":"Janet"},
        {"op":"add","path":"emails","value":[{"type":"work","value":"jane@work.example"}]},
        {"op":"Replace","path":"active","value":"False"}""");

    assertEquals(200, response.status(), response.body());
    assertEquals(List.of("modify " + id, "get " + id), users.calls());
    assertEquals(Set.of("name.givenName", "active"), users.lastChange().attributes());
    assertEquals(false, users.lastChange().assignedValue("active").orElseThrow().asBoolean(true),
        "the operations alone decide active");
    ChangeSet changes = users.lastChanges();
    assertTrue(changes.changed("name.givenName"));
    assertTrue(changes.changed("active"));
    assertFalse(changes.changed("name.familyName"));
    assertFalse(changes.changed("userName"));
    assertEquals(false, changes.after().get("active").asBoolean(true), "Entra's \"False\" arrives as a boolean");
    assertFalse(changes.after().has("emails"), changes.after().toString());
    assertFalse(changes.before().has("id"), "id is not an attribute the provider stores: " + changes.before());
    assertEquals("Janet", response.json().getJsonObject("name").getString("givenName"));
    assertEquals(false, response.json().getBoolean("active"));
  }

  static Stream<Arguments> invalidPatches() {
    return Stream.of(
        Arguments.of("unknown op", "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"move\",\"path\":\"title\"}]}",
            "invalidSyntax"),
        Arguments.of("remove without path", "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"Remove\"}]}", "noTarget"),
        Arguments.of("missing schema", "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}", "invalidSyntax"),
        Arguments.of("empty Operations", "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[]}", "invalidSyntax"),
        Arguments.of("unparsable path", "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"remove\",\"path\":\"name..x\"}]}",
            "invalidPath"),
        Arguments.of("not JSON", "{\"schemas\":", "invalidSyntax"),
        Arguments.of("a second bad operation after a good one", "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":["
            + "{\"op\":\"replace\",\"value\":{\"active\":false}},{\"op\":\"delete\",\"path\":\"title\"}]}", "invalidSyntax"));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("invalidPatches")
  void anInvalidPatchIsRefusedWithoutAnyUpstreamCall(String name, String body, String scimType) {
    String id = users.seed("jane@example.com", true);

    Response response = send(HttpMethod.PATCH, USERS + "/" + id, TOKEN, body);

    assertEquals(400, response.status(), response.body());
    assertScimError(response, 400);
    assertEquals(scimType, response.json().getString("scimType"));
    assertEquals(List.of(), users.calls(), "not even a get");
  }

  @ParameterizedTest(name = "body {0}")
  @MethodSource("bodiesThatAreNoObject")
  void aCreateWhoseBodyIsNoJsonObjectIsRefusedSayingWhat(String name, String body, String detail) {
    Response response = send(HttpMethod.POST, USERS, TOKEN, body);

    assertEquals(400, response.status(), response.body());
    assertScimError(response, 400);
    assertEquals("invalidSyntax", response.json().getString("scimType"));
    assertTrue(response.json().getString("detail").startsWith(detail), response.body());
    assertEquals(List.of(), users.calls());
  }

  static Stream<Arguments> bodiesThatAreNoObject() {
    return Stream.of(
        Arguments.of("blank", " \r\n\t ", "The request body is empty"),
        Arguments.of("null", "null", "The request body must be a JSON object"),
        Arguments.of("an array", "[{\"userName\":\"jane@example.com\"}]", "The request body must be a JSON object"),
        Arguments.of("cut short", "{\"userName\":", "The request body is not valid JSON at line 1"));
  }

  // ---- resource types the adapter does not serve ----

  @Test
  void groupsOfATenantWhoseAdapterServesNoneAre404() {
    Response response = send(HttpMethod.GET, "/scim/v2/" + TENANT + "/Groups", TOKEN, null);

    assertEquals(404, response.status(), response.body());
    assertScimError(response, 404);
    assertTrue(response.json().getString("detail").contains("does not serve Groups"), response.body());
  }

  // ---- body size ----

  @Test
  void aBodyAboveMaxBodyBytesIs413AsAScimError() {
    String padding = "x".repeat(MAX_BODY_BYTES + 100);

    Response response = send(HttpMethod.POST, USERS, TOKEN,
        "{\"userName\":\"big@example.com\",\"name\":{\"givenName\":\"B\",\"familyName\":\"Ig\"},\"title\":\"" + padding + "\"}");

    assertEquals(413, response.status(), response.body());
    assertScimError(response, 413);
    assertEquals(List.of(), users.calls());
  }

  @Test
  void aBodyJustBelowMaxBodyBytesIsAccepted() {
    String prefix = "{\"userName\":\"fits@example.com\",\"name\":{\"givenName\":\"F\",\"familyName\":\"Its\"},\"title\":\"";
    String body = prefix + "x".repeat(MAX_BODY_BYTES - prefix.length() - 2) + "\"}";
    assertEquals(MAX_BODY_BYTES, body.getBytes(StandardCharsets.UTF_8).length);

    Response response = send(HttpMethod.POST, USERS, TOKEN, body);

    assertEquals(201, response.status(), response.body());
  }

  // ---- unexpected failures ----

  @ParameterizedTest
  @EnumSource(value = MemoryResources.Failure.class, names = {"FAILED_FUTURE", "THROWN", "POISONED_RESULT"})
  void aProviderFailingWithAPlainRuntimeExceptionGivesAScim500WithoutItsText(MemoryResources.Failure failure) {
    String id = users.seed("jane@example.com", true);
    users.failNext(failure);

    Response response = send(HttpMethod.GET, USERS + "/" + id, TOKEN, null);

    assertEquals(500, response.status(), response.body());
    assertScimError(response, 500);
    assertFalse(response.body().contains("hunter2"), response.body());
    assertFalse(response.body().contains("IllegalStateException"), response.body());
    assertFalse(response.body().contains(MemoryResources.INTERNAL_SECRET), response.body());
    assertFalse(response.json().getString("detail").isBlank());
  }

  @Test
  void aProviderFailingDuringAPatchAlsoGivesAScim500() {
    String id = users.seed("jane@example.com", true);
    users.failNext(MemoryResources.Failure.FAILED_FUTURE);

    Response response = patch(id, "{\"op\":\"replace\",\"value\":{\"active\":false}}");

    assertEquals(500, response.status(), response.body());
    assertFalse(response.body().contains("hunter2"), response.body());
    assertEquals(List.of("modify " + id), users.calls());
  }

  // ---- media type, resources, errors ----

  @Test
  void resourcesListsAndErrorsAreApplicationScimJson() {
    String id = users.seed("jane@example.com", true);

    assertEquals("application/scim+json", send(HttpMethod.GET, USERS + "/" + id, TOKEN, null).contentType());
    assertEquals("application/scim+json", send(HttpMethod.GET, USERS, TOKEN, null).contentType());
    assertEquals("application/scim+json", send(HttpMethod.GET, USERS + "/nope", TOKEN, null).contentType());
    assertEquals("application/scim+json", send(HttpMethod.GET, USERS, "wrong-token", null).contentType());
    assertEquals("application/scim+json", send(HttpMethod.GET, USERS + "?count=x", TOKEN, null).contentType());
  }

  @Test
  void aProviders404ReachesTheIdpWithItsDetail() {
    Response response = send(HttpMethod.GET, USERS + "/nope", TOKEN, null);

    assertEquals(404, response.status());
    assertScimError(response, 404);
    assertEquals("User nope not found", response.json().getString("detail"));
  }

  @Test
  void createReturns201WithLocationMetaAndSchemas() {
    Response response = send(HttpMethod.POST, USERS, TOKEN,
        "{\"userName\":\"new@example.com\",\"name\":{\"givenName\":\"N\",\"familyName\":\"Ew\"}}");

    assertEquals(201, response.status(), response.body());
    assertEquals("application/scim+json", response.contentType());
    JsonObject user = response.json();
    String location = user.getJsonObject("meta").getString("location");
    assertEquals("http://127.0.0.1:" + gateway.port() + USERS + "/" + user.getString("id"), location);
    assertEquals(location, response.headers().get("Location"));
    assertEquals("User", user.getJsonObject("meta").getString("resourceType"));
    assertEquals(new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"), user.getJsonArray("schemas"));
  }

  @Test
  void createHandsTheProviderOnlySupportedAttributesUnderTheirDeclaredNames() {
    Response response = send(HttpMethod.POST, USERS, TOKEN, """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "USERNAME":"jdoe@contoso.com","externalId":"jdoe","Active":true,"displayName":"Jane Doe",
         "emails":[{"primary":"True","type":"work","value":"jdoe@contoso.com"}],"meta":{"resourceType":"User"},
         "name":{"formatted":"Jane Doe","FamilyName":"Doe","givenName":"Jane"},"roles":[],"password":"s3cr3t",
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D"}}""");

    assertEquals(201, response.status(), response.body());
    assertEquals(new JsonObject("""
        {"userName":"jdoe@contoso.com","externalId":"jdoe","active":true,"name":{"givenName":"Jane","familyName":"Doe"}}"""),
        new JsonObject(users.lastCreated().toString()));
    assertFalse(response.body().contains("s3cr3t"));
  }

  @Test
  void replaceHandsTheProviderOnlySupportedAttributes() {
    String id = users.seed("jane@example.com", true);

    Response response = send(HttpMethod.PUT, USERS + "/" + id, TOKEN, """
        {"userName":"jane@example.com","name":{"givenName":"Janet","familyName":"Doe"},"title":"CTO","active":true}""");

    assertEquals(200, response.status(), response.body());
    assertEquals(new JsonObject("""
        {"userName":"jane@example.com","name":{"givenName":"Janet","familyName":"Doe"},"active":true}"""),
        new JsonObject(users.lastReplaced().toString()));
  }

  // ---- lists ----

  @Test
  void countZeroAnswersOnlyTheTotal() {
    users.seed("a@example.com", true);
    users.seed("b@example.com", true);
    users.seed("c@example.com", false);

    Response response = send(HttpMethod.GET, USERS + "?count=0", TOKEN, null);

    assertEquals(200, response.status(), response.body());
    JsonObject list = response.json();
    assertEquals(new JsonArray().add(LIST_SCHEMA), list.getJsonArray("schemas"));
    assertEquals(3, list.getInteger("totalResults"));
    assertEquals(0, list.getInteger("itemsPerPage"));
    assertEquals(1, list.getInteger("startIndex"));
    JsonArray resources = list.getJsonArray("Resources", new JsonArray());
    assertTrue(resources.isEmpty(), list.encode());
    assertEquals(0, users.lastQuery().count());
  }

  @Test
  void aPageCarriesItsResourcesWithMeta() {
    users.seed("a@example.com", true);
    String second = users.seed("b@example.com", true);
    users.seed("c@example.com", true);

    JsonObject list = send(HttpMethod.GET, USERS + "?startIndex=2&count=1", TOKEN, null).json();

    assertEquals(3, list.getInteger("totalResults"));
    assertEquals(2, list.getInteger("startIndex"));
    assertEquals(1, list.getInteger("itemsPerPage"));
    JsonObject user = list.getJsonArray("Resources").getJsonObject(0);
    assertEquals(second, user.getString("id"));
    assertTrue(user.getJsonObject("meta").getString("location").endsWith(USERS + "/" + second), user.encode());
  }

  @Test
  void everyResourceOfAPageBehindAProxyIsLocatedAtTheForwardedOrigin() {
    String first = users.seed("a@example.com", true);
    String second = users.seed("b@example.com", true);

    HttpRequest<Buffer> request = client.request(HttpMethod.GET, gateway.port(), "127.0.0.1", USERS + "?count=2")
        .putHeader("Authorization", "Bearer " + TOKEN)
        .putHeader("X-Forwarded-Proto", "https")
        .putHeader("X-Forwarded-Host", "idp-facing.example.com");
    JsonArray resources = Response.of(await(request.send())).json().getJsonArray("Resources");

    assertEquals(2, resources.size(), resources.encode());
    for (int i = 0; i < 2; i++) {
      JsonObject user = resources.getJsonObject(i);
      assertEquals(List.of(first, second).get(i), user.getString("id"));
      assertEquals("https://idp-facing.example.com" + USERS + "/" + user.getString("id"),
          user.getJsonObject("meta").getString("location"));
    }
  }

  @Test
  void userNameEqIsPushedDownUnderTheDeclaredNameWithPaging() {
    users.seed("b@example.com", true);

    Response response = send(HttpMethod.GET, USERS + "?filter=" + encode("USERNAME eq \"b@example.com\"") + "&startIndex=1&count=5",
        TOKEN, null);

    assertEquals(200, response.status(), response.body());
    assertEquals(new ListQuery(Optional.of(ListFilter.equality("userName", "b@example.com", false)), 1, 5,
        new AttributeSelection(Set.of(), Set.of("password"))), users.lastQuery(), "password is never returned, so never needed");
    assertEquals(1, response.json().getInteger("totalResults"));
  }

  @Test
  void idEqReadsTheResourceInsteadOfListing() {
    String id = users.seed("a@example.com", true);

    JsonObject found = send(HttpMethod.GET, USERS + "?filter=" + encode("id eq \"" + id + "\""), TOKEN, null).json();

    assertEquals(List.of("get " + id), users.calls());
    assertEquals(1, found.getInteger("totalResults"));
    assertEquals(id, found.getJsonArray("Resources").getJsonObject(0).getString("id"));
  }

  @Test
  void idEqOfAnUnknownIdIsAnEmptyListNotA404() {
    Response response = send(HttpMethod.GET, USERS + "?filter=" + encode("id eq \"nope\""), TOKEN, null);

    assertEquals(200, response.status(), response.body());
    assertEquals(0, response.json().getInteger("totalResults"));
    assertTrue(response.json().getJsonArray("Resources", new JsonArray()).isEmpty());
  }

  @Test
  void idEqWithCountZeroCountsButReturnsNothing() {
    String id = users.seed("a@example.com", true);

    JsonObject list = send(HttpMethod.GET, USERS + "?count=0&filter=" + encode("id eq \"" + id + "\""), TOKEN, null).json();

    assertEquals(1, list.getInteger("totalResults"));
    assertTrue(list.getJsonArray("Resources", new JsonArray()).isEmpty(), list.encode());
  }

  @Test
  void anUnsupportedFilterCostsNoProviderCall() {
    Response response = send(HttpMethod.GET, USERS + "?filter=" + encode("emails co \"example.com\""), TOKEN, null);

    assertEquals(400, response.status());
    assertEquals("invalidFilter", response.json().getString("scimType"));
    assertEquals(List.of(), users.calls());
  }

  @Test
  void aResourceEndpointInAnotherCaseIsTheSameEndpoint() {
    String id = users.seed("case@example.com", true);

    Response item = send(HttpMethod.GET, "/scim/v2/" + TENANT + "/users/" + id, TOKEN, null);
    Response collection = send(HttpMethod.GET, "/scim/v2/" + TENANT + "/USERS?filter=" + encode("userName eq \"case@example.com\""),
        TOKEN, null);

    assertEquals(200, item.status(), item.body());
    assertEquals(id, item.json().getString("id"));
    assertEquals(1, collection.json().getInteger("totalResults"), collection.body());
  }

  // ---- operations the provider does not declare ----

  @Test
  void anOperationTheProviderDoesNotDeclareIs501WithoutACall() {
    MemoryResources readonly = MemoryAdapterFactory.users(READONLY);
    String id = readonly.seed("r@example.com", true);
    String path = "/scim/v2/" + READONLY + "/Users";

    Response delete = send(HttpMethod.DELETE, path + "/" + id, READONLY_TOKEN, null);
    Response create = send(HttpMethod.POST, path, READONLY_TOKEN, "{\"userName\":\"x@example.com\"}");
    Response patch = send(HttpMethod.PATCH, path + "/" + id, READONLY_TOKEN,
        "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
    Response get = send(HttpMethod.GET, path + "/" + id, READONLY_TOKEN, null);

    assertEquals(501, delete.status(), delete.body());
    assertScimError(delete, 501);
    assertTrue(delete.json().getString("detail").contains("delete"), delete.body());
    assertEquals(501, create.status(), create.body());
    assertEquals(501, patch.status(), patch.body());
    assertEquals(200, get.status(), get.body());
    assertEquals(List.of("get " + id), readonly.calls());
  }

  // ---- bugs ----

  @Test
  void aPatchWithACoreSchemaQualifiedPathChangesTheAttribute() {
    String id = users.seed("jane@example.com", true);

    Response response = patch(id, "{\"op\":\"replace\",\"path\":\"urn:ietf:params:scim:schemas:core:2.0:User:active\",\"value\":false}");

    assertEquals(200, response.status(), response.body());
    assertEquals(List.of("modify " + id, "get " + id), users.calls());
    assertEquals(false, response.json().getBoolean("active"));
  }

  @Test
  void aRemoveWithAnEmptyPathIs400() {
    String id = users.seed("jane@example.com", true);

    Response response = patch(id, "{\"op\":\"remove\",\"path\":\"\"}");

    assertEquals(400, response.status(), response.body());
  }

  @Test
  void entraStringBooleansInACreatedUserArriveAsBooleans() {
    Response response = send(HttpMethod.POST, USERS, TOKEN, """
        {"userName":"jdoe@contoso.com","active":"True","name":{"givenName":"Jane","familyName":"Doe"}}""");

    assertEquals(201, response.status(), response.body());
    assertTrue(users.lastCreated().get("active").isBoolean(), users.lastCreated().toString());
  }

  @Test
  void entraStringBooleanInANoPathPatchArrivesAsABoolean() {
    String id = users.seed("jane@example.com", false);

    Response response = patch(id, "{\"op\":\"Replace\",\"value\":{\"active\":\"True\"}}");

    assertEquals(200, response.status(), response.body());
    assertTrue(users.lastChanges().after().get("active").isBoolean(), users.lastChanges().after().toString());
  }

  // ---- helpers ----

  private static Response patch(String id, String operations) {
    return send(HttpMethod.PATCH, USERS + "/" + id, TOKEN,
        "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operations + "]}");
  }

  private static void assertScimError(Response response, int status) {
    JsonObject error = response.json();
    assertEquals(new JsonArray().add(ERROR_SCHEMA), error.getJsonArray("schemas"), response.body());
    assertEquals(String.valueOf(status), error.getValue("status"), "status is a string: " + response.body());
    assertNotNull(error.getString("detail"), response.body());
    assertEquals("application/scim+json", response.contentType());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Response send(HttpMethod method, String path, String token, String body) {
    HttpRequest<Buffer> request = client.request(method, gateway.port(), "127.0.0.1", path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    Future<HttpResponse<Buffer>> response;
    if (body == null) {
      response = request.send();
    } else {
      request.putHeader("Content-Type", "application/scim+json");
      response = request.sendBuffer(Buffer.buffer(body));
    }
    return Response.of(await(response));
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("operation did not complete: " + e, e);
    }
  }

  private record Response(int status, MultiMap headers, String body) {

    static Response of(HttpResponse<Buffer> response) {
      return new Response(response.statusCode(), response.headers(), response.bodyAsString() == null ? "" : response.bodyAsString());
    }

    JsonObject json() {
      return new JsonObject(body);
    }

    String contentType() {
      return headers.get("Content-Type");
    }
  }
}
