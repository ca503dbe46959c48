package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Postman's userName is the user's email: every user the gateway returns has it as its one primary
 * work email (Okta's integration checks read {@code emails[0].value}), and the published User schema
 * has {@code emails}; what an IdP sends as emails is still never forwarded to Postman.
 */
class DerivedEmailsTest {

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
  void everyReturnedUserHasItsUserNameAsItsPrimaryWorkEmail() {
    var created = harness.post(harness.usersPath(), new JsonObject("""
        {"userName":"ana@example.com","name":{"givenName":"Ana","familyName":"Ruiz"},
         "emails":[{"value":"ana.private@example.org","type":"home","primary":true}]}"""));
    String id = created.json().getString("id");

    var read = harness.get(harness.usersPath() + "/" + id).json();
    var listed = harness.get(harness.usersPath() + "?filter=userName%20eq%20%22ana@example.com%22").json();

    JsonArray expected = new JsonArray().add(new JsonObject().put("value", "ana@example.com").put("type", "work").put("primary", true));
    assertEquals(expected, created.json().getJsonArray("emails"));
    assertEquals(expected, read.getJsonArray("emails"));
    assertEquals(expected, listed.getJsonArray("Resources").getJsonObject(0).getJsonArray("emails"));
    assertTrue(harness.simulator.requests().stream().noneMatch(request -> request.body().contains("ana.private")),
        "the IdP's emails are not sent to Postman");
  }

  @Test
  void thePublishedUserSchemaHasEmails() {
    JsonObject schema = harness.get("/scim/v2/" + GatewayHarness.TENANT + "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").json();

    assertTrue(schema.getJsonArray("attributes").stream().anyMatch(a -> "emails".equals(((JsonObject) a).getString("name"))),
        schema.encode());
  }
}
