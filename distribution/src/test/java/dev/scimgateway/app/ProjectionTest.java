package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code attributes} and {@code excludedAttributes} on reads, lists and writes (RFC 7644 §3.9). */
class ProjectionTest {

  private static GatewayHarness harness;
  private static String id;

  @BeforeAll
  static void start() {
    harness = GatewayHarness.start();
    id = harness.post(harness.usersPath(), new JsonObject(
        "{\"userName\":\"proj@example.com\",\"externalId\":\"ext-1\",\"name\":{\"givenName\":\"Pro\",\"familyName\":\"Jection\"}}"))
        .json().getString("id");
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void attributesKeepsOnlyWhatWasAskedPlusIdAndSchemas() {
    var response = harness.get(harness.usersPath() + "/" + id + "?attributes=userName,name.givenName");

    assertEquals(200, response.status());
    JsonObject user = response.json();
    assertEquals(Set.of("id", "schemas", "userName", "name"), user.fieldNames());
    assertEquals(Set.of("givenName"), user.getJsonObject("name").fieldNames());
  }

  @Test
  void attributeNamesAreCaseInsensitiveAndMayCarryTheSchemaUrn() {
    var response = harness.get(harness.usersPath() + "/" + id
        + "?attributes=USERNAME,urn:ietf:params:scim:schemas:core:2.0:User:externalId");

    assertEquals(Set.of("id", "schemas", "userName", "externalId"), response.json().fieldNames());
  }

  @Test
  void excludedAttributesDropsThemButNeverId() {
    var response = harness.get(harness.usersPath() + "/" + id + "?excludedAttributes=name,meta,id");

    JsonObject user = response.json();
    assertFalse(user.containsKey("name"));
    assertFalse(user.containsKey("meta"));
    assertEquals(id, user.getString("id"));
    assertTrue(user.containsKey("userName"));
  }

  @Test
  void listsAreProjectedToo() {
    var response = harness.get(harness.usersPath() + "?filter=userName%20eq%20%22proj@example.com%22&attributes=active");

    JsonObject user = response.json().getJsonArray("Resources").getJsonObject(0);
    assertEquals(Set.of("id", "schemas", "active"), user.fieldNames());
  }

  @Test
  void countZeroReturnsOnlyTheTotal() {
    var response = harness.get(harness.usersPath() + "?count=0");

    assertEquals(200, response.status());
    assertEquals(1, response.json().getInteger("totalResults"));
    assertEquals(0, response.json().getJsonArray("Resources").size());
    assertEquals(0, response.json().getInteger("itemsPerPage"));
  }

  @Test
  void idEqIsAnsweredWithOneRead() {
    harness.simulator.clearRequests();

    var found = harness.get(harness.usersPath() + "?filter=id%20eq%20%22" + id + "%22");
    var missing = harness.get(harness.usersPath() + "?filter=id%20eq%20%22nope%22");

    assertEquals(1, found.json().getInteger("totalResults"));
    assertEquals(id, found.json().getJsonArray("Resources").getJsonObject(0).getString("id"));
    assertEquals(0, missing.json().getInteger("totalResults"));
    assertEquals(2, harness.simulator.requests().size());
  }
}
