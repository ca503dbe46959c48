package dev.scimgateway.scimsimulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator over real HTTP: what the generic adapter's tests rely on. */
class ScimSimulatorHttpTest {

  private final Vertx vertx = Vertx.vertx();
  private final WebClient client = WebClient.create(vertx);
  private ScimSimulator simulator;

  @AfterEach
  void stop() {
    await(simulator.close());
    await(vertx.close());
  }

  private void start(ScimSimulatorOptions options) {
    simulator = await(ScimSimulator.create(vertx, options).start());
  }

  @Test
  void createsFindsByFilterIgnoringCaseAndRefusesADuplicateUserName() {
    start(ScimSimulatorOptions.defaults());
    HttpResponse<Buffer> created = send(HttpMethod.POST, "/Users", "{\"userName\":\"Jane@Example.com\",\"active\":true}");
    HttpResponse<Buffer> duplicate = send(HttpMethod.POST, "/Users", "{\"userName\":\"jane@example.com\"}");
    HttpResponse<Buffer> found = send(HttpMethod.GET, "/Users?filter=userName%20eq%20%22JANE@example.com%22", null);
    HttpResponse<Buffer> badFilter = send(HttpMethod.GET, "/Users?filter=userName%20eq", null);

    assertEquals(201, created.statusCode());
    String id = created.bodyAsJsonObject().getString("id");
    assertEquals(simulator.baseUrl() + "/Users/" + id, created.getHeader("Location"));
    assertEquals(409, duplicate.statusCode());
    assertEquals("uniqueness", duplicate.bodyAsJsonObject().getString("scimType"));
    assertEquals("409", duplicate.bodyAsJsonObject().getString("status"));
    assertEquals(1, found.bodyAsJsonObject().getInteger("totalResults"));
    assertEquals(id, found.bodyAsJsonObject().getJsonArray("Resources").getJsonObject(0).getString("id"));
    assertEquals(400, badFilter.statusCode());
    assertEquals("invalidFilter", badFilter.bodyAsJsonObject().getString("scimType"));
  }

  @Test
  void patchesPutsPagesAndDeletes() {
    start(ScimSimulatorOptions.defaults());
    String id = send(HttpMethod.POST, "/Users", "{\"userName\":\"a@example.com\",\"name\":{\"givenName\":\"A\"}}")
        .bodyAsJsonObject().getString("id");
    send(HttpMethod.POST, "/Users", "{\"userName\":\"b@example.com\"}");

    HttpResponse<Buffer> patched = send(HttpMethod.PATCH, "/Users/" + id, """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations":[{"op":"replace","path":"active","value":false},{"op":"replace","path":"name.givenName","value":"Al"}]}""");
    HttpResponse<Buffer> put = send(HttpMethod.PUT, "/Users/" + id, "{\"userName\":\"a@example.com\",\"displayName\":\"A A\"}");
    HttpResponse<Buffer> second = send(HttpMethod.GET, "/Users?startIndex=2&count=1", null);
    HttpResponse<Buffer> deleted = send(HttpMethod.DELETE, "/Users/" + id, null);
    HttpResponse<Buffer> gone = send(HttpMethod.GET, "/Users/" + id, null);

    assertEquals(false, patched.bodyAsJsonObject().getBoolean("active"));
    assertEquals("Al", patched.bodyAsJsonObject().getJsonObject("name").getString("givenName"));
    assertEquals("A A", put.bodyAsJsonObject().getString("displayName"));
    assertFalse(put.bodyAsJsonObject().containsKey("name"), "PUT replaces the whole resource");
    JsonObject page = second.bodyAsJsonObject();
    assertEquals(2, page.getInteger("totalResults"));
    assertEquals(2, page.getInteger("startIndex"));
    assertEquals("b@example.com", page.getJsonArray("Resources").getJsonObject(0).getString("userName"));
    assertEquals(204, deleted.statusCode());
    assertEquals(404, gone.statusCode());
    assertEquals(List.of("POST /Users", "POST /Users", "PATCH /Users/{id}", "PUT /Users/{id}", "GET /Users",
        "DELETE /Users/{id}", "GET /Users/{id}"), simulator.calls());
  }

  @Test
  void groupMembersMustExistAndLeaveWithTheirUser() {
    start(ScimSimulatorOptions.defaults());
    String user = send(HttpMethod.POST, "/Users", "{\"userName\":\"m@example.com\"}").bodyAsJsonObject().getString("id");
    HttpResponse<Buffer> unknownMember = send(HttpMethod.POST, "/Groups",
        "{\"displayName\":\"Eng\",\"members\":[{\"value\":\"nobody\"}]}");
    String group = send(HttpMethod.POST, "/Groups", "{\"displayName\":\"Eng\",\"members\":[{\"value\":\"" + user + "\"}]}")
        .bodyAsJsonObject().getString("id");
    HttpResponse<Buffer> duplicate = send(HttpMethod.POST, "/Groups", "{\"displayName\":\"ENG\"}");

    send(HttpMethod.DELETE, "/Users/" + user, null);

    assertEquals(400, unknownMember.statusCode());
    assertEquals("invalidValue", unknownMember.bodyAsJsonObject().getString("scimType"));
    assertEquals(409, duplicate.statusCode());
    assertEquals(0, send(HttpMethod.GET, "/Groups/" + group, null).bodyAsJsonObject().getJsonArray("members").size());
  }

  @Test
  void storesTheEnterpriseExtensionOnlyWhenSchemasListsIt() {
    start(ScimSimulatorOptions.defaults());
    String enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    HttpResponse<Buffer> unlisted = send(HttpMethod.POST, "/Users",
        "{\"userName\":\"u@example.com\",\"" + enterprise + "\":{\"department\":\"R\"}}");
    HttpResponse<Buffer> unknown = send(HttpMethod.POST, "/Users", "{\"userName\":\"u@example.com\",\"schemas\":"
        + "[\"urn:example:other:1.0:User\"],\"urn:example:other:1.0:User\":{\"x\":\"1\"}}");
    HttpResponse<Buffer> listed = send(HttpMethod.POST, "/Users", "{\"userName\":\"u@example.com\",\"schemas\":"
        + "[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + enterprise + "\"],\"" + enterprise + "\":{\"department\":\"R\"}}");
    JsonObject schema = send(HttpMethod.GET, "/Schemas/" + enterprise, null).bodyAsJsonObject();

    assertEquals(400, unlisted.statusCode(), unlisted.bodyAsString());
    assertEquals(400, unknown.statusCode(), unknown.bodyAsString());
    assertEquals(201, listed.statusCode(), listed.bodyAsString());
    assertEquals("R", listed.bodyAsJsonObject().getJsonObject(enterprise).getString("department"));
    assertEquals(2, listed.bodyAsJsonObject().getJsonArray("schemas").size());
    assertEquals("employeeNumber", schema.getJsonArray("attributes").getJsonObject(0).getString("name"));
  }

  @Test
  void servesDiscoveryDocumentsOrNot() {
    start(ScimSimulatorOptions.defaults().withPatch(false));
    JsonObject config = send(HttpMethod.GET, "/ServiceProviderConfig", null).bodyAsJsonObject();
    JsonObject types = send(HttpMethod.GET, "/ResourceTypes", null).bodyAsJsonObject();
    JsonObject schema = send(HttpMethod.GET, "/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group", null).bodyAsJsonObject();

    assertEquals(false, config.getJsonObject("patch").getBoolean("supported"));
    assertEquals(2, types.getInteger("totalResults"));
    assertEquals("displayName", schema.getJsonArray("attributes").getJsonObject(0).getString("name"));
    assertEquals(405, send(HttpMethod.PATCH, "/Users/x", "{}").statusCode());

    await(simulator.close());
    start(ScimSimulatorOptions.defaults().withDiscovery(false));
    assertEquals(404, send(HttpMethod.GET, "/ResourceTypes", null).statusCode());
  }

  @Test
  void refusesAWrongTokenAndRequestsOverItsBudget() {
    start(ScimSimulatorOptions.defaults().withBudget(2, Duration.ofSeconds(60)));
    HttpResponse<Buffer> wrongToken = await(client.get(simulator.port(), "127.0.0.1", "/scim/v2/Users")
        .putHeader("Authorization", "Bearer wrong").send());
    send(HttpMethod.GET, "/Users", null);
    send(HttpMethod.GET, "/Users", null);
    HttpResponse<Buffer> third = send(HttpMethod.GET, "/Users", null);

    assertEquals(401, wrongToken.statusCode());
    assertEquals(429, third.statusCode());
    assertTrue(Integer.parseInt(third.getHeader("Retry-After")) >= 1, third.getHeader("Retry-After"));
    assertEquals(1, simulator.rateLimitedCount());
  }

  @Test
  void cannedAnswersComeFirst() {
    start(ScimSimulatorOptions.defaults());
    simulator.answerNext(new CannedAnswer(500, "text/html", "<html>oops</html>", java.util.Map.of()));

    HttpResponse<Buffer> answer = send(HttpMethod.GET, "/Users", null);

    assertEquals(500, answer.statusCode());
    assertEquals("<html>oops</html>", answer.bodyAsString());
    assertEquals(200, send(HttpMethod.GET, "/Users", null).statusCode());
  }

  private HttpResponse<Buffer> send(HttpMethod method, String path, String body) {
    HttpRequest<Buffer> request = client.request(method, simulator.port(), "127.0.0.1", "/scim/v2" + path)
        .putHeader("Authorization", "Bearer " + simulator.options().token());
    Future<HttpResponse<Buffer>> response = body == null ? request.send()
        : request.putHeader("Content-Type", "application/scim+json").sendBuffer(Buffer.buffer(body));
    return await(response);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
