package dev.scimgateway.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.tck.ProviderFixture;
import dev.scimgateway.adapter.tck.Samples;
import java.util.Optional;
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
        return Samples.user(unique);
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
        return Samples.group(unique);
      }

      @Override
      public Assignment assignment() {
        return Samples.groupRename();
      }

      @Override
      public Optional<MultiValued> multiValued() {
        return Optional.of(Samples.members(ScimRig.users(adapter)));
      }

      @Override
      public void close() {
        rig.close();
      }
    };
  }
}
