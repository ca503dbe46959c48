package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A value of the wrong type is a 400, never a silent deactivation. */
class ValueTypesTest {

  private GatewayHarness harness;
  private String id;

  @BeforeEach
  void start() {
    harness = GatewayHarness.start();
    id = harness.post(harness.usersPath(), new JsonObject(
        "{\"userName\":\"typed@example.com\",\"name\":{\"givenName\":\"Ty\",\"familyName\":\"Ped\"}}")).json().getString("id");
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"yes\"", "1", "\"\"", "[true]"})
  void aNonBooleanActiveIsRefusedEverywhere(String active) {
    var created = harness.post(harness.usersPath(), new JsonObject(
        "{\"userName\":\"other@example.com\",\"name\":{\"givenName\":\"O\",\"familyName\":\"T\"},\"active\":" + active + "}"));
    var replaced = harness.put(harness.usersPath() + "/" + id, new JsonObject(
        "{\"userName\":\"typed@example.com\",\"name\":{\"givenName\":\"Ty\",\"familyName\":\"Ped\"},\"active\":" + active + "}"));
    var patched = patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":" + active + "}");

    for (var response : new GatewayHarness.Response[] {created, replaced, patched}) {
      assertEquals(400, response.status(), response.body());
      assertEquals("invalidValue", response.json().getString("scimType"));
      assertTrue(response.json().getString("detail").contains("'active' must be a boolean"), response.body());
    }
    assertEquals(true, harness.simulator.users().get(0).getBoolean("active"), "nobody was deactivated");
    assertEquals(1, harness.simulator.users().size());
  }

  @Test
  void aStringWhereAStringBelongsIsFineButANumberIsNot() {
    var response = patch("{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":42}");

    assertEquals(400, response.status());
    assertTrue(response.json().getString("detail").contains("'name.givenName' must be a string"), response.body());
  }

  @Test
  void removingActiveIsRefusedBecausePostmanCannotUnsetIt() {
    var response = patch("{\"op\":\"remove\",\"path\":\"active\"}");

    assertEquals(400, response.status(), response.body());
    assertEquals("mutability", response.json().getString("scimType"));
    assertEquals(true, harness.simulator.users().get(0).getBoolean("active"));
  }

  @Test
  void removingTheUserNameIsRefused() {
    var response = patch("{\"op\":\"remove\",\"path\":\"userName\"}");

    assertEquals(400, response.status(), response.body());
    assertEquals("invalidValue", response.json().getString("scimType"));
  }

  @Test
  void aStringBooleanBehindTheCoreSchemaUrnIsABoolean() {
    patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}");

    var response = patch("{\"op\":\"Replace\",\"path\":\"urn:ietf:params:scim:schemas:core:2.0:User:active\",\"value\":\"True\"}");

    assertEquals(200, response.status(), response.body());
    assertEquals(true, harness.simulator.users().get(0).getBoolean("active"));
  }

  private GatewayHarness.Response patch(String operation) {
    return harness.patch(harness.usersPath() + "/" + id, new JsonObject(
        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operation + "]}"));
  }
}
