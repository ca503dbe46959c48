package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Entra ID's provisioning cycle, in the shapes Microsoft documents for its SCIM client:
 * {@code application/json} bodies, capitalised operations, string booleans, one operation per
 * attribute. Each step asserts what Entra gets back and what Postman was asked.
 */
class EntraProvisioningTest {

  private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  private GatewayHarness harness;

  @BeforeEach
  void start() {
    harness = GatewayHarness.start();
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void connectionTestWithARandomUserNameGetsAnEmptyList() {
    var response = entra(HttpMethod.GET, harness.usersPath() + "?filter=userName+eq+%22" + UUID.randomUUID() + "%22", null);

    assertEquals(200, response.status());
    assertEquals(0, response.json().getInteger("totalResults"));
    assertEquals(0, response.json().getJsonArray("Resources").size());
  }

  @Test
  void connectionTestByExternalIdGetsAnEmptyListToo() {
    var response = entra(HttpMethod.GET, harness.usersPath() + "?filter=externalId+eq+%22" + UUID.randomUUID() + "%22", null);

    assertEquals(200, response.status());
    assertEquals(0, response.json().getInteger("totalResults"));
  }

  @Test
  void createUpdateDisableAndReEnable() {
    // Look-up by the matching attribute, then create with Entra's body.
    assertEquals(0, entra(HttpMethod.GET, harness.usersPath() + "?filter=userName+eq+%22jdoe%40contoso.com%22", null)
        .json().getInteger("totalResults"));
    var created = entra(HttpMethod.POST, harness.usersPath(), IdpRequests.ENTRA_CREATE_JDOE);
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");

    // A look-up by externalId and by userName in another case find the same user.
    assertEquals(id, firstId(entra(HttpMethod.GET, harness.usersPath() + "?filter=externalId+eq+%22jdoe%22", null)));
    assertEquals(id, firstId(entra(HttpMethod.GET, harness.usersPath() + "?filter=userName+eq+%22JDoe%40Contoso.com%22", null)));

    // One operation per changed attribute, capitalised, with a string boolean.
    harness.simulator.clearRequests();
    var updated = entra(HttpMethod.PATCH, harness.usersPath() + "/" + id, IdpRequests.ENTRA_UPDATE_JDOE);
    assertEquals(200, updated.status(), updated.body());
    assertEquals("Janet", updated.json().getJsonObject("name").getString("givenName"));
    assertEquals(List.of("GET /Users/{id}", "PUT /Users/{id}"), harness.upstreamCalls(),
        "active looks unchanged on the user the adapter remembers, so it is read again; then no PATCH");

    // A manager change: Postman does not store it, so no upstream call at all.
    harness.simulator.clearRequests();
    var manager = entra(HttpMethod.PATCH, harness.usersPath() + "/" + id, """
        {"schemas":["%s"],"Operations":[
          {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"m-2"},
          {"op":"Remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department"}]}""".formatted(PATCH_OP));
    assertEquals(200, manager.status(), manager.body());
    assertEquals(List.of(), harness.upstreamCalls());

    // Disable on unassignment, then re-enable.
    var disabled = entra(HttpMethod.PATCH, harness.usersPath() + "/" + id, IdpRequests.entraActive("False"));
    assertEquals(200, disabled.status(), disabled.body());
    assertEquals(false, disabled.json().getBoolean("active"));
    assertEquals(false, harness.simulator.users().get(0).getBoolean("active"));

    var enabled = entra(HttpMethod.PATCH, harness.usersPath() + "/" + id,
        "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"Replace\",\"value\":{\"active\":\"True\"}}]}");
    assertEquals(200, enabled.status(), enabled.body());
    assertEquals(true, enabled.json().getBoolean("active"));
    assertEquals(true, harness.simulator.users().get(0).getBoolean("active"));

    JsonObject stored = harness.simulator.users().get(0);
    assertEquals("Janet", stored.getJsonObject("name").getString("givenName"));
    assertFalse(stored.containsKey("emails"));
  }

  @Test
  void hardDeleteDeactivatesAndASecondDeleteIsStill204() {
    String id = entra(HttpMethod.POST, harness.usersPath(),
        "{\"userName\":\"gone@contoso.com\",\"name\":{\"givenName\":\"G\",\"familyName\":\"One\"}}").json().getString("id");

    assertEquals(204, entra(HttpMethod.DELETE, harness.usersPath() + "/" + id, null).status());
    assertEquals(204, entra(HttpMethod.DELETE, harness.usersPath() + "/" + id, null).status());
    assertEquals(404, entra(HttpMethod.DELETE, harness.usersPath() + "/never-existed", null).status());
  }

  private GatewayHarness.Response entra(HttpMethod method, String path, String body) {
    return harness.send(method, path, GatewayHarness.TOKEN, body, "application/json");
  }

  private static String firstId(GatewayHarness.Response response) {
    assertEquals(1, response.json().getInteger("totalResults"), response.body());
    return response.json().getJsonArray("Resources").getJsonObject(0).getString("id");
  }
}
