package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tenants are reached only with their own bearer token, and cannot be discovered without one. */
class AuthenticationTest {

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
  void missingTokenIs401WithAScimError() {
    var response = harness.send(HttpMethod.GET, "/scim/v2/acme/Users", null, null);

    assertEquals(401, response.status());
    assertScimError(response, "401");
    assertTrue(response.headers().get("WWW-Authenticate").startsWith("Bearer"));
    assertEquals(0, harness.simulator.requests().size(), "nothing reaches Postman");
  }

  @Test
  void wrongTokenIs401() {
    var response = harness.send(HttpMethod.GET, "/scim/v2/acme/Users", "not-the-token", null);

    assertEquals(401, response.status());
    assertScimError(response, "401");
  }

  @Test
  void anotherTenantsTokenIs401() {
    var response = harness.send(HttpMethod.GET, "/scim/v2/acme/Users", GatewayHarness.OTHER_TOKEN, null);

    assertEquals(401, response.status());
  }

  @Test
  void basicSchemeIsNotABearerToken() {
    var response = harness.client.get(harness.gateway.port(), "127.0.0.1", "/scim/v2/acme/Users")
        .putHeader("Authorization", "Basic " + GatewayHarness.TOKEN).send();

    assertEquals(401, GatewayHarness.await(response).statusCode());
  }

  @Test
  void theRightTokenPasses() {
    var response = harness.send(HttpMethod.GET, "/scim/v2/acme/Users", GatewayHarness.TOKEN, null);

    assertEquals(200, response.status());
  }

  @Test
  void unknownTenantIs404ForACallerWithAValidToken() {
    var response = harness.send(HttpMethod.GET, "/scim/v2/initech/Users", GatewayHarness.TOKEN, null);

    assertEquals(404, response.status());
    assertScimError(response, "404");
    assertTrue(response.json().getString("detail").contains("initech"));
  }

  @Test
  void unknownTenantAndKnownTenantLookTheSameWithAWrongToken() {
    var known = harness.send(HttpMethod.GET, "/scim/v2/acme/Users", "guess", null);
    var unknown = harness.send(HttpMethod.GET, "/scim/v2/initech/Users", "guess", null);

    assertEquals(401, unknown.status());
    assertEquals(known.status(), unknown.status());
    assertEquals(known.body(), unknown.body());
  }

  @Test
  void healthNeedsNoToken() {
    var response = harness.send(HttpMethod.GET, "/health", null, null);

    assertEquals(200, response.status());
    assertEquals("UP", response.json().getString("status"));
  }

  static void assertScimError(GatewayHarness.Response response, String status) {
    assertTrue(response.contentType().startsWith("application/scim+json"), response.contentType());
    assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", response.json().getJsonArray("schemas").getString(0));
    assertEquals(status, response.json().getValue("status"), "status is a string");
    assertTrue(response.json().getString("detail").length() > 10, response.body());
  }
}
