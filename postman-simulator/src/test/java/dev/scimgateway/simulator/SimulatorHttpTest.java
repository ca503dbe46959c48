package dev.scimgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a simulator on a free port for each test and talks to it over real HTTP. */
abstract class SimulatorHttpTest {

  static final String KEY = "PMAK-test-0123456789";
  static final String HOST = "127.0.0.1";
  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  static final String PUT_OP = "urn:ietf:params:scim:api:messages:2.0:PutOp";

  Vertx vertx;
  PostmanSimulator simulator;
  WebClient client;

  SimulatorOptions options() {
    return SimulatorOptions.defaults().withApiKey(KEY);
  }

  @BeforeEach
  void startSimulator() throws Exception {
    vertx = Vertx.vertx();
    simulator = await(PostmanSimulator.create(vertx, options()).start());
    client = WebClient.create(vertx);
  }

  @AfterEach
  void stopSimulator() throws Exception {
    client.close();
    await(simulator.close());
    await(vertx.close());
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Awaits a future that must fail, and returns why. */
  static Throwable failure(Future<?> future) throws Exception {
    try {
      await(future);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected the request to fail");
  }

  /** A request to {@code uri} (absolute path on the simulator), carrying the right key. */
  HttpRequest<Buffer> request(HttpMethod method, String uri) {
    return client.request(method, simulator.port(), HOST, uri).putHeader("Authorization", KEY);
  }

  /** A request to {@code /scim/v2 + path}, carrying the right key. */
  HttpRequest<Buffer> scim(HttpMethod method, String path) {
    return request(method, "/scim/v2" + path);
  }

  HttpResponse<Buffer> get(String path) throws Exception {
    return await(scim(HttpMethod.GET, path).send());
  }

  HttpResponse<Buffer> send(HttpMethod method, String path, JsonObject body) throws Exception {
    return await(scim(method, path).sendJsonObject(body));
  }

  static JsonObject newUser(String email, String given, String family) {
    return new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
        .put("userName", email)
        .put("name", new JsonObject().put("givenName", given).put("familyName", family))
        .put("externalId", "ext-" + email)
        .put("locale", "en-US")
        .put("groups", new JsonArray())
        .put("active", true);
  }

  /** Creates a user and returns the 201 body. */
  JsonObject create(String email) throws Exception {
    HttpResponse<Buffer> response = send(HttpMethod.POST, "/Users", newUser(email, "Test", "User"));
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  static void assertError(HttpResponse<Buffer> response, PostmanError error) {
    assertEquals(error.status(), response.statusCode(), response.bodyAsString());
    assertEquals(error.body(), response.bodyAsJsonObject());
  }

  static JsonObject patchActive(Object active) {
    return patchOf(new JsonObject().put("op", "replace").put("value", new JsonObject().put("active", active)));
  }

  static JsonObject patchOf(JsonObject... operations) {
    return patchOf(PATCH_OP, operations);
  }

  /** A PATCH body under the {@code schemas} URN {@code schema}. */
  static JsonObject patchOf(String schema, JsonObject... operations) {
    JsonArray ops = new JsonArray();
    for (JsonObject op : operations) {
      ops.add(op);
    }
    return new JsonObject()
        .put("schemas", new JsonArray().add(schema))
        .put("Operations", ops);
  }

  /** A POST /Groups body whose members are the given user ids, without {@code display}. */
  static JsonObject newGroup(String displayName, String... memberIds) {
    return new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:Group"))
        .put("displayName", displayName)
        .put("members", members(memberIds));
  }

  /** {@code [{"value":id}, …]}. */
  static JsonArray members(String... ids) {
    JsonArray members = new JsonArray();
    for (String id : ids) {
      members.add(new JsonObject().put("value", id));
    }
    return members;
  }

  static JsonObject renameOp(String groupId, String displayName) {
    return new JsonObject().put("op", "replace")
        .put("value", new JsonObject().put("id", groupId).put("displayName", displayName));
  }

  static JsonObject addMembersOp(String... ids) {
    return new JsonObject().put("op", "add").put("path", "members").put("value", members(ids));
  }

  static JsonObject removeMemberOp(String id) {
    return new JsonObject().put("op", "remove").put("path", "members[value eq \"" + id + "\"]");
  }

  static JsonObject replaceMembersOp(String... ids) {
    return new JsonObject().put("op", "replace").put("path", "members").put("value", members(ids));
  }

  /** Creates a group and returns the 201 body. */
  JsonObject createGroup(String displayName, String... memberIds) throws Exception {
    HttpResponse<Buffer> response = send(HttpMethod.POST, "/Groups", newGroup(displayName, memberIds));
    assertEquals(201, response.statusCode(), response.bodyAsString());
    return response.bodyAsJsonObject();
  }

  /** Creates users and returns their ids. */
  String[] createUsers(String prefix, int count) throws Exception {
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = create(prefix + i + "@example.com").getString("id");
    }
    return ids;
  }
}
