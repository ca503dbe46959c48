package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Okta's provisioning lifecycle, request by request as Okta sends it, through the gateway to the simulator. */
class OktaLifecycleTest {

  private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  private static final String LOOKUP = IdpRequests.OKTA_LOOKUP_JANE;

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
  void assignUpdateAndDeactivateAUser() {
    // 1. Okta looks the user up before creating it.
    var lookup = harness.get(harness.usersPath() + LOOKUP);
    assertEquals(200, lookup.status());
    assertTrue(lookup.contentType().startsWith("application/scim+json"));
    assertEquals(new JsonArray().add(LIST_SCHEMA), lookup.json().getJsonArray("schemas"));
    assertEquals(0, lookup.json().getInteger("totalResults"));
    assertEquals(0, lookup.json().getJsonArray("Resources").size());

    // 2. Okta creates it with its full body.
    var created = harness.post(harness.usersPath(), new JsonObject(IdpRequests.OKTA_CREATE_JANE));
    assertEquals(201, created.status(), created.body());
    JsonObject user = created.json();
    String id = user.getString("id");
    assertNotNull(id);
    assertEquals("jane.doe@example.com", user.getString("userName"));
    assertEquals("00u1abcd", user.getString("externalId"));
    assertEquals(true, user.getBoolean("active"));
    assertEquals(new JsonArray().add(USER_SCHEMA), user.getJsonArray("schemas"));
    String location = user.getJsonObject("meta").getString("location");
    assertTrue(location.endsWith("/scim/v2/acme/Users/" + id), location);
    assertEquals(location, created.headers().get("Location"));

    // Postman received only what it takes.
    var postBody = new JsonObject(harness.upstreamRequests().get(1).body());
    assertEquals(List.of("schemas", "userName", "name", "externalId", "active").stream().sorted().toList(),
        postBody.fieldNames().stream().sorted().toList());

    // 3. Okta reads it back.
    var read = harness.get(harness.usersPath() + "/" + id);
    assertEquals(200, read.status());
    assertEquals("Jane", read.json().getJsonObject("name").getString("givenName"));

    // 4. Okta pushes a profile update with PUT.
    var updated = harness.put(harness.usersPath() + "/" + id, new JsonObject(IdpRequests.oktaProfileUpdate(id)));
    assertEquals(200, updated.status(), updated.body());
    assertEquals("Janet", updated.json().getJsonObject("name").getString("givenName"));

    // 5. Okta deactivates it: a PATCH with no path and the attributes in a value object.
    var deactivated = harness.patch(harness.usersPath() + "/" + id, new JsonObject(IdpRequests.OKTA_DEACTIVATE));
    assertEquals(200, deactivated.status(), deactivated.body());
    assertEquals(false, deactivated.json().getBoolean("active"));
    assertEquals("Janet", deactivated.json().getJsonObject("name").getString("givenName"));

    // 6. The look-up again: one user, inactive.
    var again = harness.get(harness.usersPath() + LOOKUP);
    assertEquals(200, again.status());
    assertEquals(1, again.json().getInteger("totalResults"));
    JsonObject listed = again.json().getJsonArray("Resources").getJsonObject(0);
    assertEquals(id, listed.getString("id"));
    assertEquals(false, listed.getBoolean("active"));

    // What Postman holds.
    JsonObject stored = harness.simulator.userByUserName("jane.doe@example.com").orElseThrow();
    assertEquals("Janet", stored.getJsonObject("name").getString("givenName"));
    assertEquals("Doe", stored.getJsonObject("name").getString("familyName"));
    assertEquals(false, stored.getBoolean("active"));
    assertFalse(stored.containsKey("emails"));
    assertEquals(1, harness.simulator.users().size());

    // And what it cost upstream: no call the lifecycle did not need.
    assertEquals(List.of(
        "GET /Users",
        "POST /Users",
        "GET /Users/{id}",
        "PUT /Users/{id}",
        "PATCH /Users/{id}",
        "GET /Users"), harness.upstreamCalls(), "the deactivation needs no read: the PUT's answer is remembered");
  }

  @Test
  void behindATlsTerminatingProxyTheLocationIsTheOneTheIdpUses() {
    var created = harness.client.post(harness.gateway.port(), "127.0.0.1", harness.usersPath())
        .putHeader("Authorization", "Bearer " + GatewayHarness.TOKEN)
        .putHeader("Content-Type", "application/scim+json")
        .putHeader("X-Forwarded-Proto", "https")
        .putHeader("X-Forwarded-Host", "scim.example.com")
        .sendBuffer(Buffer.buffer(
            "{\"userName\":\"proxied@example.com\",\"name\":{\"givenName\":\"P\",\"familyName\":\"X\"}}"));

    var response = GatewayHarness.await(created);

    assertEquals(201, response.statusCode(), response.bodyAsString());
    assertTrue(response.getHeader("Location").startsWith("https://scim.example.com/scim/v2/acme/Users/"),
        response.getHeader("Location"));
  }

  @Test
  void deleteDeactivatesBecausePostmanCannotDeleteUsers() {
    String id = harness.post(harness.usersPath(), new JsonObject("""
        {"userName":"leaver@example.com","name":{"givenName":"Lee","familyName":"Ver"}}""")).json().getString("id");

    var deleted = harness.delete(harness.usersPath() + "/" + id);

    assertEquals(204, deleted.status());
    assertEquals("", deleted.body());
    assertEquals(false, harness.simulator.users().get(0).getBoolean("active"));
    assertEquals("PATCH /Users/{id}", harness.upstreamCalls().get(harness.upstreamCalls().size() - 1));
  }

  @Test
  void entraStyleRequestsAreNormalizedBeforePostmanSeesThem() {
    String id = harness.post(harness.usersPath(), new JsonObject("""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "externalId":"jdoe","userName":"jdoe@contoso.com","active":true,"displayName":"Jane Doe",
         "meta":{"resourceType":"User"},"name":{"formatted":"Jane Doe","familyName":"Doe","givenName":"Jane"},"roles":[],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales"}}""")).json().getString("id");
    harness.simulator.clearRequests();

    var patched = harness.patch(harness.usersPath() + "/" + id, new JsonObject("""
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
          {"op":"Replace","path":"name.givenName","value":"Janet"},
          {"op":"Replace","path":"active","value":"False"}]}"""));

    assertEquals(200, patched.status(), patched.body());
    assertEquals("Janet", patched.json().getJsonObject("name").getString("givenName"));
    assertEquals(false, patched.json().getBoolean("active"));
    assertEquals(List.of("GET /Users/{id}", "PUT /Users/{id}", "PATCH /Users/{id}"), harness.upstreamCalls(),
        "a name change starts from a fresh read");

    harness.simulator.clearRequests();
    var managerOnly = harness.patch(harness.usersPath() + "/" + id, new JsonObject("""
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
          {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":{"value":"boss"}}]}"""));
    assertEquals(200, managerOnly.status(), managerOnly.body());
    assertEquals(List.of(), harness.upstreamCalls(), "a change Postman does not store costs no upstream call");

    var emailByType = harness.patch(harness.usersPath() + "/" + id, new JsonObject("""
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
          {"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"janet@contoso.com"},
          {"op":"Remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}]}"""));
    assertEquals(200, emailByType.status(), "a replace through a filter that matches nothing yet acts as add: " + emailByType.body());
  }
}
