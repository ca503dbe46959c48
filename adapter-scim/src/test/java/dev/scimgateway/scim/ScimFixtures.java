package dev.scimgateway.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.tck.ProviderFixture;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The conformance kit's fixtures for the adapter's Users and Groups over the SCIM simulator. */
final class ScimFixtures {

  private ScimFixtures() {}

  static ProviderFixture users(Consumer<ObjectNode> settings) {
    ScimRig rig = new ScimRig();
    ScimAdapter adapter = rig.adapter("tck", settings);
    return new ProviderFixture() {
      @Override
      public ResourceProvider provider() {
        return ScimRig.users(adapter);
      }

      @Override
      public ObjectNode newResource(String unique) {
        return ScimRig.user(unique);
      }

      @Override
      public Assignment assignment() {
        return new Assignment("name.givenName", TextNode.valueOf("Renamed"));
      }

      @Override
      public void close() {
        rig.close();
      }
    };
  }

  static ProviderFixture groups(Consumer<ObjectNode> settings) {
    ScimRig rig = new ScimRig();
    ScimAdapter adapter = rig.adapter("tck", settings);
    return new ProviderFixture() {
      @Override
      public ResourceProvider provider() {
        return ScimRig.groups(adapter);
      }

      @Override
      public ObjectNode newResource(String unique) {
        ObjectNode group = ScimRig.JSON.createObjectNode().put("displayName", "Group " + unique);
        group.putArray("members");
        return group;
      }

      /** A new name each time: displayNames are unique upstream. */
      @Override
      public Assignment assignment() {
        return new Assignment("displayName", TextNode.valueOf("Renamed " + UUID.randomUUID()));
      }

      @Override
      public Optional<MultiValued> multiValued() {
        return Optional.of(new MultiValued("members", () -> ScimRig.users(adapter)
            .create(ScimRig.user("member" + UUID.randomUUID().toString().substring(0, 8)))
            .map(created -> (JsonNode) ScimRig.JSON.createObjectNode().put("value", created.path("id").asText()))));
      }

      @Override
      public void close() {
        rig.close();
      }
    };
  }
}
