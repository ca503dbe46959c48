package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.server.ScimGateway;
import dev.scimgateway.scimsimulator.ScimRequest;
import dev.scimgateway.scimsimulator.ScimSimulator;
import dev.scimgateway.scimsimulator.ScimSimulatorOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real gateway with an {@code adapter: scim} tenant over the SCIM simulator, configured with only its base URL
 * and credential: Okta's user lifecycle and Entra's user and group cycle, asserting what the IdP gets and what the
 * upstream was asked.
 */
class ScimUpstreamEndToEndTest {

  private static final String TENANT = "saas";
  private static final String UPSTREAM_TOKEN = "saas-upstream-token-7777";
  private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  private final GatewayRig rig = new GatewayRig();
  private ScimSimulator simulator;
  private ScimGateway gateway;

  @BeforeEach
  void start() {
    simulator = GatewayHarness.await(ScimSimulator.create(rig.vertx,
        ScimSimulatorOptions.defaults().withToken(UPSTREAM_TOKEN)).start());
    gateway = rig.gateway(tenantOver(simulator));
    simulator.clearRequests();
  }

  @AfterEach
  void stop() {
    GatewayHarness.await(simulator.close());
    rig.close();
  }

  @Test
  void oktaAssignsUpdatesAndDeactivatesAUser() {
    var lookup = call(HttpMethod.GET, "/Users" + IdpRequests.OKTA_LOOKUP_JANE, null);
    assertEquals(200, lookup.status(), lookup.body());
    assertEquals(0, lookup.json().getInteger("totalResults"));

    var created = call(HttpMethod.POST, "/Users", IdpRequests.OKTA_CREATE_JANE);
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    assertTrue(created.headers().get("Location").endsWith("/scim/v2/" + TENANT + "/Users/" + id), created.headers().get("Location"));
    JsonObject posted = new JsonObject(simulator.requests().get(1).body());
    assertEquals(Set.of("schemas", "userName", "name", "emails", "displayName", "externalId", "active"), posted.fieldNames(),
        "what the upstream's schema stores; Okta's locale and groups are not sent");

    assertEquals("Jane", call(HttpMethod.GET, "/Users/" + id, null).json().getJsonObject("name").getString("givenName"));
    var updated = call(HttpMethod.PUT, "/Users/" + id, IdpRequests.oktaProfileUpdate(id));
    assertEquals(200, updated.status(), updated.body());
    assertEquals("Janet", updated.json().getJsonObject("name").getString("givenName"));

    var deactivated = call(HttpMethod.PATCH, "/Users/" + id, IdpRequests.OKTA_DEACTIVATE);
    assertEquals(200, deactivated.status(), deactivated.body());
    assertEquals(false, deactivated.json().getBoolean("active"));
    assertEquals(new JsonObject("""
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}"""),
        new JsonObject(simulator.requests().get(4).body()), "Okta's PATCH, as it was sent");

    var again = call(HttpMethod.GET, "/Users" + IdpRequests.OKTA_LOOKUP_JANE, null);
    assertEquals(1, again.json().getInteger("totalResults"));
    assertEquals(false, again.json().getJsonArray("Resources").getJsonObject(0).getBoolean("active"));

    ObjectNode stored = simulator.users().get(0);
    assertEquals("Janet", stored.path("name").path("givenName").asText());
    assertEquals(false, stored.path("active").asBoolean(true));
    assertFalse(stored.has("locale"));
    assertEquals(List.of("GET /Users", "POST /Users", "GET /Users/{id}", "PUT /Users/{id}", "PATCH /Users/{id}", "GET /Users"),
        simulator.calls(), "one upstream call per IdP request");
  }

  @Test
  void entraProvisionsAUserAndAGroup() {
    var created = call(HttpMethod.POST, "/Users", IdpRequests.ENTRA_CREATE_JDOE);
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    assertEquals(id, firstId(call(HttpMethod.GET, "/Users?filter=externalId+eq+%22jdoe%22", null)));
    assertEquals(id, firstId(call(HttpMethod.GET, "/Users?filter=userName+eq+%22JDoe%40Contoso.com%22", null)));
    simulator.clearRequests();
    assertEquals(id, firstId(call(HttpMethod.GET,
        "/Users?filter=userName+eq+%22jdoe%40contoso.com%22+and+externalId+eq+%22jdoe%22", null)), "an \"and\" of look-ups");
    assertTrue(simulator.requests().get(0).query().startsWith("filter=userName eq \"jdoe@contoso.com\" and externalId eq \"jdoe\"&"),
        "pushed down whole: " + simulator.requests().get(0).query());

    simulator.clearRequests();
    var updated = call(HttpMethod.PATCH, "/Users/" + id, IdpRequests.ENTRA_UPDATE_JDOE);
    assertEquals(200, updated.status(), updated.body());
    assertEquals("Janet", updated.json().getJsonObject("name").getString("givenName"));
    assertEquals("janet@contoso.com", updated.json().getJsonArray("emails").getJsonObject(0).getString("value"));
    assertEquals(List.of("PATCH /Users/{id}"), simulator.calls(), "one PATCH, no read");
    var disabled = call(HttpMethod.PATCH, "/Users/" + id, IdpRequests.entraActive("False"));
    assertEquals(false, disabled.json().getBoolean("active"), disabled.body());
    assertEquals(false, simulator.users().get(0).path("active").asBoolean(true));

    List<String> members = new ArrayList<>();
    for (String name : List.of("ann", "bob")) {
      members.add(call(HttpMethod.POST, "/Users", new JsonObject().put("userName", name + "@contoso.com").encode())
          .json().getString("id"));
    }
    assertEquals(0, call(HttpMethod.GET, "/Groups?excludedAttributes=members&filter=displayName+eq+%22Sales%22", null)
        .json().getInteger("totalResults"));
    var group = call(HttpMethod.POST, "/Groups", IdpRequests.entraGroupCreate("Sales", "entra-group-1"));
    assertEquals(201, group.status(), group.body());
    String groupId = group.json().getString("id");

    simulator.clearRequests();
    assertEquals(200, call(HttpMethod.PATCH, "/Groups/" + groupId, IdpRequests.entraAddMembers(members.get(0), members.get(1))).status());
    assertEquals(200, call(HttpMethod.PATCH, "/Groups/" + groupId, IdpRequests.entraRemoveMembers(members.get(0))).status());
    var renamed = call(HttpMethod.PATCH, "/Groups/" + groupId, IdpRequests.entraRename("Sales EMEA"));
    assertEquals("Sales EMEA", renamed.json().getString("displayName"), renamed.body());
    assertEquals(204, call(HttpMethod.DELETE, "/Groups/" + groupId, null).status());

    assertEquals(List.of("PATCH /Groups/{id}", "PATCH /Groups/{id}", "PATCH /Groups/{id}", "DELETE /Groups/{id}"),
        simulator.calls(), "each membership change and the rename one PATCH, without a read");
    assertEquals(new JsonObject("""
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"}]}""".formatted(members.get(0))),
        new JsonObject(simulator.requests().get(1).body()), "Entra's value-list removal, as RFC 7644 reads it");
    assertEquals(List.of(), simulator.groups());
  }

  @Test
  void entrasEnterpriseAttributesReachTheUpstreamAndComeBack() {
    var created = call(HttpMethod.POST, "/Users", IdpRequests.ENTRA_CREATE_JDOE);
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");
    JsonObject posted = new JsonObject(simulator.requests().get(0).body());
    assertEquals(List.of(CORE_USER, ENTERPRISE), posted.getJsonArray("schemas").getList(), "the extension is listed");
    assertEquals(new JsonObject().put("department", "Sales").put("manager", new JsonObject().put("value", "m-1")),
        posted.getJsonObject(ENTERPRISE));
    assertEquals("Sales", created.json().getJsonObject(ENTERPRISE).getString("department"), created.body());

    simulator.clearRequests();
    var updated = call(HttpMethod.PATCH, "/Users/" + id, """
        {"schemas":["%s"],"Operations":[
          {"op":"Replace","path":"%s:department","value":"Marketing"},
          {"op":"Replace","path":"%s:manager","value":"m-2"}]}""".formatted(IdpRequests.PATCH_OP, ENTERPRISE, ENTERPRISE));
    assertEquals(200, updated.status(), updated.body());
    assertEquals("Marketing", updated.json().getJsonObject(ENTERPRISE).getString("department"), updated.body());
    assertEquals(new JsonObject("""
        {"schemas":["%s"],"Operations":[
          {"op":"replace","path":"%s:department","value":"Marketing"},
          {"op":"replace","path":"%s:manager","value":{"value":"m-2"}}]}""".formatted(IdpRequests.PATCH_OP, ENTERPRISE, ENTERPRISE)),
        new JsonObject(simulator.requests().get(0).body()), "Entra's bare manager id as RFC 7643's reference");

    var validatorStyle = call(HttpMethod.PATCH, "/Users/" + id, """
        {"schemas":["%s"],"Operations":[{"op":"replace","value":{"%s:employeeNumber":"42","displayName":"Janet Doe"}}]}"""
        .formatted(IdpRequests.PATCH_OP, ENTERPRISE));
    assertEquals(200, validatorStyle.status(), validatorStyle.body());
    var managerRemoved = call(HttpMethod.PATCH, "/Users/" + id, """
        {"schemas":["%s"],"Operations":[{"op":"Remove","path":"%s:manager"}]}""".formatted(IdpRequests.PATCH_OP, ENTERPRISE));
    assertEquals(200, managerRemoved.status(), managerRemoved.body());

    ObjectNode stored = simulator.users().get(0).path(ENTERPRISE).deepCopy();
    assertEquals("Marketing", stored.path("department").asText(), stored.toString());
    assertEquals("42", stored.path("employeeNumber").asText(), "a path-qualified key of a no-path value: " + stored);
    assertFalse(stored.has("manager"), stored.toString());
    assertEquals("42", call(HttpMethod.GET, "/Users/" + id, null).json().getJsonObject(ENTERPRISE).getString("employeeNumber"));
    assertEquals(List.of("PATCH /Users/{id}", "PATCH /Users/{id}", "PATCH /Users/{id}", "GET /Users/{id}"), simulator.calls());
  }

  @Test
  void dottedKeysInAnExtensionsObjectOfANoPathValueAreNested() {
    var created = call(HttpMethod.POST, "/Users", IdpRequests.ENTRA_CREATE_JDOE);
    assertEquals(201, created.status(), created.body());
    String id = created.json().getString("id");

    var updated = call(HttpMethod.PATCH, "/Users/" + id, """
        {"schemas":["%s"],"Operations":[{"op":"Replace","value":{"%s":{"manager.value":"m-9","department":"Legal"}}}]}"""
        .formatted(IdpRequests.PATCH_OP, ENTERPRISE));

    assertEquals(200, updated.status(), updated.body());
    assertEquals("m-9", updated.json().getJsonObject(ENTERPRISE).getJsonObject("manager").getString("value"), updated.body());
    ObjectNode stored = simulator.users().get(0).path(ENTERPRISE).deepCopy();
    assertEquals("m-9", stored.path("manager").path("value").asText(), stored.toString());
    assertEquals("Legal", stored.path("department").asText(), stored.toString());
    assertFalse(stored.has("manager.value"), stored.toString());
  }

  @Test
  void anUpstreamWithoutPatchGetsTheExtensionInEachPut() {
    ScimSimulator withoutPatch = GatewayHarness.await(ScimSimulator.create(rig.vertx,
        ScimSimulatorOptions.defaults().withToken(UPSTREAM_TOKEN).withPatch(false)).start());
    try {
      ScimGateway putGateway = rig.gateway(tenantOver(withoutPatch));
      String id = rig.call(putGateway, TENANT, HttpMethod.POST, "/Users", new JsonObject(IdpRequests.ENTRA_CREATE_JDOE))
          .json().getString("id");
      withoutPatch.clearRequests();

      var updated = rig.call(putGateway, TENANT, HttpMethod.PATCH, "/Users/" + id, new JsonObject("""
          {"schemas":["%s"],"Operations":[{"op":"Add","path":"%s:employeeNumber","value":"7"}]}"""
          .formatted(IdpRequests.PATCH_OP, ENTERPRISE)));

      assertEquals(200, updated.status(), updated.body());
      assertEquals(List.of("GET /Users/{id}", "PUT /Users/{id}"), withoutPatch.calls());
      JsonObject put = new JsonObject(withoutPatch.requests().get(1).body());
      assertEquals(List.of(CORE_USER, ENTERPRISE), put.getJsonArray("schemas").getList());
      assertEquals(new JsonObject().put("department", "Sales").put("manager", new JsonObject().put("value", "m-1"))
          .put("employeeNumber", "7"), put.getJsonObject(ENTERPRISE), "the whole extension, with the change");
      assertEquals("7", updated.json().getJsonObject(ENTERPRISE).getString("employeeNumber"), updated.body());
    } finally {
      GatewayHarness.await(withoutPatch.close());
    }
  }

  @Test
  void entrasReadsWithoutMembersAskTheUpstreamForNoMembers() {
    List<String> members = new ArrayList<>();
    for (String name : List.of("ann", "bob")) {
      members.add(call(HttpMethod.POST, "/Users", new JsonObject().put("userName", name + "@contoso.com").encode())
          .json().getString("id"));
    }
    String groupId = call(HttpMethod.POST, "/Groups", IdpRequests.entraGroupCreate("Sales", "entra-group-1")).json().getString("id");
    assertEquals(200, call(HttpMethod.PATCH, "/Groups/" + groupId, IdpRequests.entraAddMembers(members.get(0), members.get(1))).status());
    simulator.clearRequests();

    var read = call(HttpMethod.GET, "/Groups/" + groupId + "?excludedAttributes=members", null);
    var lookup = call(HttpMethod.GET, "/Groups?excludedAttributes=members,description&filter=displayName+eq+%22Sales%22", null);
    var whole = call(HttpMethod.GET, "/Groups/" + groupId, null);

    assertEquals("Sales", read.json().getString("displayName"), read.body());
    assertFalse(read.json().containsKey("members"), read.body());
    assertFalse(lookup.json().getJsonArray("Resources").getJsonObject(0).containsKey("members"), lookup.body());
    assertEquals(2, whole.json().getJsonArray("members").size(), whole.body());
    List<String> queries = simulator.requests().stream().map(ScimRequest::query).toList();
    assertEquals("excludedAttributes=members", queries.get(0), "the upstream leaves the members out too");
    assertTrue(queries.get(1).startsWith("filter=displayName eq \"Sales\"&") && queries.get(1).endsWith("&excludedAttributes=members"),
        "only what the upstream stores is named: " + queries.get(1));
    assertEquals("", queries.get(2), "a read of the whole group asks for all of it");
  }

  @Test
  void theUpstreamsErrorsReachTheIdpAsScimErrors() {
    call(HttpMethod.POST, "/Users", IdpRequests.OKTA_CREATE_JANE);

    var conflict = call(HttpMethod.POST, "/Users", IdpRequests.OKTA_CREATE_JANE);
    var missing = call(HttpMethod.GET, "/Users/no-such-user", null);

    assertEquals(409, conflict.status(), conflict.body());
    assertEquals("uniqueness", conflict.json().getString("scimType"));
    assertEquals("409", conflict.json().getString("status"));
    assertEquals(404, missing.status(), missing.body());
    assertFalse(conflict.body().contains(UPSTREAM_TOKEN));
  }

  @Test
  void discoveryShowsWhatTheUpstreamServesAndStores() {
    var types = call(HttpMethod.GET, "/ResourceTypes", null);
    var userSchema = call(HttpMethod.GET, "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", null);

    assertEquals(200, types.status(), types.body());
    assertTrue(types.body().contains("\"/Users\"") && types.body().contains("\"/Groups\""), types.body());
    assertEquals(200, userSchema.status(), userSchema.body());
    assertTrue(userSchema.body().contains("\"emails\""), "stored upstream: " + userSchema.body());
    assertFalse(userSchema.body().contains("\"locale\""), "not in the upstream's schema: " + userSchema.body());
    assertTrue(types.body().contains("\"schemaExtensions\":[{\"schema\":\"" + ENTERPRISE + "\""), types.body());
    var enterprise = call(HttpMethod.GET, "/Schemas/" + ENTERPRISE, null);
    assertEquals(200, enterprise.status(), enterprise.body());
    assertTrue(enterprise.body().contains("\"department\"") && enterprise.body().contains("\"manager\""), enterprise.body());
    assertEquals(List.of(), simulator.calls(), "answered from what was learned at start-up");
  }

  /** The tenant, configured with only the upstream's base URL and credential. */
  private static String tenantOver(ScimSimulator upstream) {
    return """
          %s:
            token: "%s-token-0123456789"
            adapter: scim
            scim:
              baseUrl: "%s"
              auth: { bearer: "%s" }
        """.formatted(TENANT, TENANT, upstream.baseUrl(), UPSTREAM_TOKEN);
  }

  private GatewayHarness.Response call(HttpMethod method, String path, String body) {
    return rig.call(gateway, TENANT, method, path, body == null ? null : new JsonObject(body));
  }

  private static String firstId(GatewayHarness.Response response) {
    assertEquals(1, response.json().getInteger("totalResults"), response.body());
    return response.json().getJsonArray("Resources").getJsonObject(0).getString("id");
  }
}
