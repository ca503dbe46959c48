package dev.scimgateway.app;

import static dev.scimgateway.app.AuthenticationTest.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad requests get a correct SCIM error and cost no upstream call. */
class ErrorResponsesTest {

  private static GatewayHarness harness;

  @BeforeAll
  static void start() {
    harness = GatewayHarness.start();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @BeforeEach
  void clean() {
    harness.simulator.reset();
  }

  @Test
  void malformedJsonIs400InvalidSyntax() {
    var response = harness.send(HttpMethod.POST, harness.usersPath(), GatewayHarness.TOKEN, "{\"userName\": ");

    assertEquals(400, response.status());
    assertScimError(response, "400");
    assertEquals("invalidSyntax", response.json().getString("scimType"));
    assertEquals(0, harness.simulator.requests().size());
  }

  @Test
  void aJsonArrayIsNotAResource() {
    var response = harness.send(HttpMethod.POST, harness.usersPath(), GatewayHarness.TOKEN, "[]");

    assertEquals(400, response.status());
    assertEquals("invalidSyntax", response.json().getString("scimType"));
  }

  @Test
  void plainApplicationJsonIsAccepted() {
    var response = harness.send(HttpMethod.POST, harness.usersPath(), GatewayHarness.TOKEN,
        "{\"userName\":\"json@example.com\",\"name\":{\"givenName\":\"J\",\"familyName\":\"Son\"}}", "application/json");

    assertEquals(201, response.status(), response.body());
  }

  @Test
  void missingUserNameIs400InvalidValue() {
    var response = harness.post(harness.usersPath(), new JsonObject("{\"name\":{\"givenName\":\"No\",\"familyName\":\"Name\"}}"));

    assertEquals(400, response.status());
    assertEquals("invalidValue", response.json().getString("scimType"));
    assertTrue(response.json().getString("detail").contains("userName"));
    assertEquals(0, harness.simulator.requests().size());
  }

  @Test
  void missingNamesAreRefusedBeforePostmanIsAsked() {
    var response = harness.post(harness.usersPath(), new JsonObject("{\"userName\":\"nameless@example.com\"}"));

    assertEquals(400, response.status());
    assertEquals("invalidValue", response.json().getString("scimType"));
    assertTrue(response.json().getString("detail").contains("name.givenName"), response.body());
    assertEquals(0, harness.simulator.requests().size());
  }

  @Test
  void unknownIdIs404() {
    var response = harness.get(harness.usersPath() + "/does-not-exist");

    assertEquals(404, response.status());
    assertScimError(response, "404");
  }

  @Test
  void patchOfAnUnknownIdIs404() {
    var response = harness.patch(harness.usersPath() + "/does-not-exist", new JsonObject("""
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}"""));

    assertEquals(404, response.status());
  }

  @Test
  void duplicateCreateIs409Uniqueness() {
    JsonObject user = new JsonObject("{\"userName\":\"twice@example.com\",\"name\":{\"givenName\":\"T\",\"familyName\":\"Wice\"}}");
    assertEquals(201, harness.post(harness.usersPath(), user).status());

    var second = harness.post(harness.usersPath(), user);

    assertEquals(409, second.status());
    assertEquals("uniqueness", second.json().getString("scimType"));
    assertTrue(second.json().getString("detail").startsWith("Postman: "), second.body());
  }

  @Test
  void unsupportedFilterIs400InvalidFilterNamingWhatWorks() {
    var response = harness.get(harness.usersPath() + "?filter=displayName%20co%20%22Jane%22");

    assertEquals(400, response.status());
    assertEquals("invalidFilter", response.json().getString("scimType"));
    assertTrue(response.json().getString("detail").contains("userName eq"), response.body());
    assertEquals(0, harness.simulator.requests().size());
  }

  @Test
  void unparsableFilterIs400InvalidFilter() {
    var response = harness.get(harness.usersPath() + "?filter=userName%20eq");

    assertEquals(400, response.status());
    assertEquals("invalidFilter", response.json().getString("scimType"));
  }

  @Test
  void nonNumericCountIs400() {
    var response = harness.get(harness.usersPath() + "?count=ten");

    assertEquals(400, response.status());
    assertEquals("invalidValue", response.json().getString("scimType"));
  }

  @Test
  void userNameChangeThatPostmanRefusesIs400Mutability() {
    String id = harness.post(harness.usersPath(), new JsonObject(
        "{\"userName\":\"fixed@example.com\",\"name\":{\"givenName\":\"F\",\"familyName\":\"Ixed\"}}")).json().getString("id");

    var response = harness.put(harness.usersPath() + "/" + id, new JsonObject(
        "{\"userName\":\"moved@example.com\",\"name\":{\"givenName\":\"F\",\"familyName\":\"Ixed\"}}"));

    assertEquals(400, response.status());
    assertEquals("mutability", response.json().getString("scimType"));
  }

  @Test
  void patchWithoutPatchOpSchemaIs400() {
    var response = harness.patch(harness.usersPath() + "/any", new JsonObject("{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}"));

    assertEquals(400, response.status());
    assertEquals("invalidSyntax", response.json().getString("scimType"));
  }

  @Test
  void unknownEndpointIsAScim404() {
    var response = harness.get("/scim/v2/acme/Widgets");

    assertEquals(404, response.status());
    assertScimError(response, "404");
  }

  @Test
  void unsupportedMethodIsAScimError() {
    var response = harness.send(HttpMethod.PATCH, harness.usersPath(), GatewayHarness.TOKEN, "{}");

    assertEquals(405, response.status());
    assertScimError(response, "405");
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    var response = harness.send(HttpMethod.POST, harness.usersPath(), GatewayHarness.TOKEN,
        "userName=form@example.com", "application/x-www-form-urlencoded");

    assertEquals(415, response.status());
    assertScimError(response, "415");
    assertEquals(0, harness.simulator.requests().size());
  }

  @Test
  void errorsNeverCarryStackTracesOrSecrets() {
    var response = harness.send(HttpMethod.POST, harness.usersPath(), GatewayHarness.TOKEN, "not json at all");

    assertFalse(response.body().contains("Exception"), response.body());
    assertFalse(response.body().contains(GatewayHarness.API_KEY));
    assertFalse(response.body().contains(GatewayHarness.TOKEN));
  }
}
