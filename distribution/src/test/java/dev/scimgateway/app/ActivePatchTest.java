package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A PATCH of {@code active} alone is one upstream write and no read; any other PATCH starts from a fresh
 * read, so a change made in Postman by someone else meanwhile is never overwritten or hidden.
 */
class ActivePatchTest {

  private GatewayHarness harness;
  private String id;

  @BeforeEach
  void start() {
    harness = GatewayHarness.start();
    id = harness.post(harness.usersPath(), new JsonObject(
        "{\"userName\":\"kim@example.com\",\"name\":{\"givenName\":\"Kim\",\"familyName\":\"Lee\"}}")).json().getString("id");
    harness.simulator.clearRequests();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aDeactivationIsOneWriteAndNoRead() {
    var response = patch("{\"op\":\"replace\",\"value\":{\"active\":false}}");

    assertEquals(200, response.status(), response.body());
    assertEquals(List.of("PATCH /Users/{id}"), harness.upstreamCalls());
    assertEquals(false, harness.simulator.users().get(0).getBoolean("active"));
  }

  @Test
  void aReactivationIsNotLostWhenSomeoneElseDeactivatedTheUserMeanwhile() {
    postmanAdminPatches("{\"op\":\"replace\",\"value\":{\"active\":false}}");
    harness.simulator.clearRequests();

    var response = patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":true}");

    assertEquals(200, response.status(), response.body());
    assertEquals(true, response.json().getBoolean("active"));
    assertEquals(true, harness.simulator.users().get(0).getBoolean("active"), "the IdP's change reached Postman");
    assertEquals(List.of("PATCH /Users/{id}"), harness.upstreamCalls(), "Postman's replace-active PATCH needs no read");
  }

  @Test
  void aNameChangeNeverWritesBackANameSomeoneElseChangedMeanwhile() {
    postmanAdminPuts("{\"userName\":\"kim@example.com\",\"name\":{\"givenName\":\"Kim\",\"familyName\":\"Park\"}}");
    harness.simulator.clearRequests();

    var response = patch("{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Kimberly\"}");

    assertEquals(200, response.status(), response.body());
    JsonObject name = harness.simulator.users().get(0).getJsonObject("name");
    assertEquals("Kimberly", name.getString("givenName"));
    assertEquals("Park", name.getString("familyName"), "the other change survived");
    assertEquals(List.of("GET /Users/{id}", "PUT /Users/{id}"), harness.upstreamCalls());
  }

  private GatewayHarness.Response patch(String operation) {
    return harness.patch(harness.usersPath() + "/" + id, new JsonObject(
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation + "]}"));
  }

  /** Another Postman client (an admin script, say) changes the user behind the gateway's back. */
  private void postmanAdminPatches(String operation) {
    postmanAdmin(HttpMethod.PATCH,
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation + "]}");
  }

  private void postmanAdminPuts(String user) {
    postmanAdmin(HttpMethod.PUT, user);
  }

  private void postmanAdmin(HttpMethod method, String body) {
    var response = GatewayHarness.await(harness.client
        .request(method, harness.simulator.port(), "127.0.0.1", "/scim/v2/Users/" + id)
        .putHeader("Authorization", GatewayHarness.API_KEY)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body)));
    assertEquals(200, response.statusCode(), response.bodyAsString());
  }
}
