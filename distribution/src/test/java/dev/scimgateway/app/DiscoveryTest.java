package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RFC 7643 §5–7 discovery, built from what the Postman adapter declares. */
class DiscoveryTest {

  private static GatewayHarness harness;

  @BeforeAll
  static void start() {
    harness = GatewayHarness.start();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void serviceProviderConfigSaysWhatIsAndIsNotSupported() {
    var response = harness.get("/scim/v2/acme/ServiceProviderConfig");

    assertEquals(200, response.status());
    JsonObject config = response.json();
    assertEquals("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig", config.getJsonArray("schemas").getString(0));
    assertEquals(true, config.getJsonObject("patch").getBoolean("supported"));
    assertEquals(false, config.getJsonObject("bulk").getBoolean("supported"));
    assertEquals(false, config.getJsonObject("sort").getBoolean("supported"));
    assertEquals(false, config.getJsonObject("etag").getBoolean("supported"));
    assertEquals(false, config.getJsonObject("changePassword").getBoolean("supported"));
    assertEquals(100, config.getJsonObject("filter").getInteger("maxResults"));
    assertEquals("oauthbearertoken", config.getJsonArray("authenticationSchemes").getJsonObject(0).getString("type"));
    assertTrue(config.getJsonObject("meta").getString("location").endsWith("/scim/v2/acme/ServiceProviderConfig"));
  }

  @Test
  void discoveryIsAllowedWithoutAToken() {
    for (String path : List.of("ServiceProviderConfig", "ResourceTypes", "Schemas")) {
      var response = harness.send(HttpMethod.GET, "/scim/v2/acme/" + path, null, null);
      assertEquals(200, response.status(), path);
    }
  }

  @Test
  void butAWrongTokenIsStillRefusedAndUsersStillNeedOne() {
    assertEquals(401, harness.send(HttpMethod.GET, "/scim/v2/acme/ServiceProviderConfig", "wrong", null).status());
    assertEquals(401, harness.send(HttpMethod.GET, "/scim/v2/acme/Users", null, null).status());
  }

  @Test
  void resourceTypesListUsersAndGroups() {
    var response = harness.get("/scim/v2/acme/ResourceTypes");

    assertEquals(200, response.status());
    JsonObject list = response.json();
    assertEquals("urn:ietf:params:scim:api:messages:2.0:ListResponse", list.getJsonArray("schemas").getString(0));
    assertEquals(2, list.getInteger("totalResults"));
    JsonObject user = list.getJsonArray("Resources").getJsonObject(0);
    assertEquals("User", user.getString("id"));
    assertEquals("/Users", user.getString("endpoint"));
    assertEquals("urn:ietf:params:scim:schemas:core:2.0:User", user.getString("schema"));
    JsonObject group = list.getJsonArray("Resources").getJsonObject(1);
    assertEquals("Group", group.getString("id"));
    assertEquals("/Groups", group.getString("endpoint"));
    assertEquals("urn:ietf:params:scim:schemas:core:2.0:Group", group.getString("schema"));

    assertEquals(200, harness.get("/scim/v2/acme/ResourceTypes/User").status());
    assertEquals(200, harness.get("/scim/v2/acme/ResourceTypes/Group").status());
  }

  @Test
  void userSchemaListsOnlyTheAttributesPostmanStoresAndTheEmailItDerives() {
    var response = harness.get("/scim/v2/acme/Schemas/urn:ietf:params:scim:schemas:core:2.0:User");

    assertEquals(200, response.status(), response.body());
    JsonArray attributes = response.json().getJsonArray("attributes");
    List<String> names = attributes.stream().map(a -> ((JsonObject) a).getString("name")).sorted().toList();
    assertEquals(List.of("active", "emails", "name", "userName"), names, "emails: Postman's userName is the email");
    JsonObject name = attributes.stream().map(JsonObject.class::cast).filter(a -> a.getString("name").equals("name")).findFirst().orElseThrow();
    List<String> subAttributes = name.getJsonArray("subAttributes").stream().map(a -> ((JsonObject) a).getString("name")).sorted().toList();
    assertEquals(List.of("familyName", "givenName"), subAttributes);

    var all = harness.get("/scim/v2/acme/Schemas");
    assertEquals(2, all.json().getInteger("totalResults"));
  }

  @Test
  void groupSchemaListsDisplayNameAndMembers() {
    var response = harness.get("/scim/v2/acme/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group");

    assertEquals(200, response.status(), response.body());
    JsonArray attributes = response.json().getJsonArray("attributes");
    List<String> names = attributes.stream().map(a -> ((JsonObject) a).getString("name")).sorted().toList();
    assertEquals(List.of("displayName", "members"), names);
  }
}
