package dev.scimgateway.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimgateway.adapter.api.FilterOperator;
import dev.scimgateway.adapter.api.InvalidConfigException;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceCapabilities.Filterable;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.tck.Changes;
import dev.scimgateway.adapter.tck.Samples;
import dev.scimgateway.scimsimulator.CannedAnswer;
import dev.scimgateway.scimsimulator.ScimSimulatorOptions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the adapter learns from the upstream's discovery documents, what the configuration overrides, and what it logs. */
class DiscoveryTest {

  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @Test
  void aStandardsCompliantUpstreamNeedsOnlyBaseUrlAndAuth() {
    try (ScimRig rig = new ScimRig()) {
      ScimAdapter adapter = rig.adapter("plain", settings -> {
        settings.remove("rateLimit");
        settings.remove("retry");
        settings.remove("requestTimeoutMillis");
      });

      ResourceCapabilities users = ScimRig.users(adapter).capabilities();
      ResourceCapabilities groups = ScimRig.groups(adapter).capabilities();

      assertEquals(Set.of("userName", "name.givenName", "name.familyName", "name.formatted", "displayName", "emails",
          "active", "externalId", ENTERPRISE + ":employeeNumber", ENTERPRISE + ":costCenter", ENTERPRISE + ":organization",
          ENTERPRISE + ":division", ENTERPRISE + ":department", ENTERPRISE + ":manager.value", ENTERPRISE + ":manager.$ref"),
          users.attributes(), "the User schema's attributes, the common externalId and the writable attributes of the"
              + " enterprise extension that /ResourceTypes lists for User (not manager.displayName: read-only)");
      assertEquals(ResourceCapabilities.equalityOn("userName", "externalId"), users.filters());
      assertEquals(Set.of("displayName", "members", "externalId"), groups.attributes());
      assertEquals(ResourceCapabilities.equalityOn("displayName", "externalId"), groups.filters());
      assertFalse(users.deleteDeactivates());
      assertEquals(Set.of("GET /ServiceProviderConfig", "GET /ResourceTypes", "GET /Schemas"),
          Set.copyOf(rig.simulator.calls()));
      assertEquals(3, rig.simulator.calls().size(), "each document read once");
      assertTrue(rig.log.contains("tenant plain: User at /Users: stores [active, displayName, emails, externalId,"
          + " name.familyName, name.formatted, name.givenName, userName] and of " + ENTERPRISE + " [costCenter, department,"
          + " division, employeeNumber, manager.$ref, manager.value, organization] (learned from /Schemas), filters"
          + " [externalId eq, userName eq] (learned from /ServiceProviderConfig), PATCH sent as operations (learned from"
          + " /ServiceProviderConfig), DELETE deletes"), String.join("\n", rig.log));
      assertFalse(String.join("\n", rig.log).contains(ScimRig.TOKEN), "the credential is never logged");
      assertTrue(rig.log.stream().anyMatch(line -> line.startsWith("tenant plain: Group at /Groups: stores [displayName,"
          + " externalId, members] (learned from /Schemas)")), String.join("\n", rig.log));
    }
  }

  @Test
  void theConfigurationOverridesWhatTheUpstreamClaims() {
    try (ScimRig rig = new ScimRig()) {
      ScimAdapter adapter = rig.adapter("strict", settings -> {
        settings.putArray("resourceTypes").add("User");
        settings.putObject("attributes").putArray("User").add("userName").add("name.givenName").add("name.familyName")
            .add("active");
        settings.putObject("filters").putArray("User").add("userName eq");
        settings.put("patch", "put").put("delete", "deactivate");
      });
      ResourceProvider users = ScimRig.users(adapter);

      ObjectNode created = ScimRig.await(users.create(Samples.user("over")));
      rig.simulator.clearRequests();
      ScimRig.await(users.modify(created.get("id").asText(), Changes.assign(users, created.get("id").asText(),
          "name.givenName", TextNode.valueOf("Olive"))));
      ScimRig.await(users.delete(created.get("id").asText()));

      assertTrue(adapter.provider(ResourceType.GROUP).isEmpty(), "only the configured types are served");
      assertEquals(Set.of(new Filterable("userName", FilterOperator.EQ)), users.capabilities().filters());
      assertTrue(users.capabilities().deleteDeactivates());
      assertEquals(List.of("GET /Users/{id}", "PUT /Users/{id}", "GET /Users/{id}", "PUT /Users/{id}"), rig.simulator.calls(),
          "PATCH as a read and a PUT; DELETE as a deactivation");
      ObjectNode stored = rig.simulator.users().get(0);
      assertEquals("Olive", stored.path("name").path("givenName").asText());
      assertEquals(false, stored.path("active").asBoolean(true));
      assertTrue(rig.log.contains("tenant strict: User at /Users: stores [active, name.familyName, name.givenName,"
          + " userName] (configured), filters [userName eq] (configured), PATCH sent as put (configured), DELETE"
          + " deactivates"), String.join("\n", rig.log));
    }
  }

  @Test
  void documentsThatCouldNotBeReadAtStartUpAreReadAgainAndThenServed() throws InterruptedException {
    try (ScimRig rig = new ScimRig()) {
      for (int document = 0; document < 3; document++) {
        rig.simulator.answerNext(new CannedAnswer(503, "text/html", "<html>maintenance</html>", java.util.Map.of()));
      }
      ScimAdapter adapter = rig.adapter("later", settings -> {
        settings.put("discoveryRetryMillis", 50);
        settings.with("retry").put("maxAttempts", 1);
      });
      ResourceProvider users = ScimRig.users(adapter);
      assertFalse(users.capabilities().supportsAttribute(ENTERPRISE + ":department"), "the defaults, at first");
      assertTrue(adapter.degradation().orElse("").contains("/Schemas"), String.valueOf(adapter.degradation()));

      long deadline = System.nanoTime() + 20_000_000_000L;
      while (adapter.degradation().isPresent() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }

      assertEquals(Optional.empty(), adapter.degradation(), "every document read");
      assertTrue(users.capabilities().supportsAttribute(ENTERPRISE + ":department"), users.capabilities().toString());
      ObjectNode created = ScimRig.await(users.create(Samples.enterpriseUser("later")));
      assertEquals("Research", created.path(ENTERPRISE).path("department").asText(), created.toString());
      assertTrue(rig.log.stream().anyMatch(line -> line.startsWith("tenant later: discovery read again: User at /Users: stores")),
          String.join("\n", rig.log));
    }
  }

  @Test
  void anExtensionsUrnAloneIsNoAttributeToConfigure() {
    try (ScimRig rig = new ScimRig()) {
      AssertionError refused = assertThrows(AssertionError.class, () -> rig.adapter("urn", settings ->
          settings.putObject("attributes").putArray("User").add("userName").add(ENTERPRISE.toLowerCase())));

      assertTrue(refused.getCause().getCause() instanceof InvalidConfigException, String.valueOf(refused.getCause()));
      assertTrue(refused.getCause().getCause().getMessage().startsWith("tenants.urn.scim.attributes.User: '"
          + ENTERPRISE.toLowerCase() + "' is a schema extension, not an attribute"), refused.getCause().getCause().getMessage());
    }
  }

  @Test
  void anUpstreamWithoutDiscoveryDocumentsIsServedFromTheConfigurationAndDefaults() {
    try (ScimRig rig = new ScimRig(ScimSimulatorOptions.defaults().withDiscovery(false))) {
      ScimAdapter adapter = rig.adapter("bare", settings -> settings.put("patch", "operations"));
      ResourceProvider users = ScimRig.users(adapter);

      ObjectNode created = ScimRig.await(users.create(Samples.user("bare")));

      assertEquals("bare@example.com", created.path("userName").asText());
      assertTrue(adapter.provider(ResourceType.GROUP).isPresent(), "User and Group by default");
      assertTrue(users.capabilities().supportsAttribute("emails"), "RFC 7643's core attributes by default");
      assertTrue(rig.log.stream().anyMatch(line -> line.startsWith("tenant bare: the upstream's /Schemas could not be read")),
          String.join("\n", rig.log));
      assertTrue(rig.log.stream().anyMatch(line -> line.startsWith("tenant bare: User at /Users:")
          && line.contains("(default: /Schemas") && line.contains("PATCH sent as operations (configured)")),
          String.join("\n", rig.log));
    }
  }

  @Test
  void anUpstreamThatClaimsNoPatchGetsPuts() {
    try (ScimRig rig = new ScimRig(ScimSimulatorOptions.defaults().withPatch(false))) {
      ResourceProvider users = ScimRig.users(rig.adapter("noPatch"));
      String id = ScimRig.await(users.create(Samples.user("nopatch"))).get("id").asText();
      rig.simulator.clearRequests();

      ObjectNode modified = ScimRig.await(users.modify(id, Changes.assign(users, id, "active", BooleanNode.FALSE)));

      assertEquals(false, modified.path("active").asBoolean(true));
      assertEquals(List.of("GET /Users/{id}", "PUT /Users/{id}"), rig.simulator.calls());
      assertTrue(rig.log.stream().anyMatch(line -> line.contains("PATCH sent as put (learned from /ServiceProviderConfig)")));
    }
  }
}
