package dev.scimgateway.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.tck.ProviderFixture;
import dev.scimgateway.adapter.tck.ProviderFixture.Assignment;
import dev.scimgateway.adapter.tck.Samples;
import java.util.Optional;
import java.util.function.Consumer;

/** The conformance kit's fixtures for the adapter's Users and Groups over the SCIM simulator. */
final class ScimFixtures {

  private ScimFixtures() {}

  static ProviderFixture users(Consumer<ObjectNode> settings) {
    ScimRig rig = new ScimRig();
    ScimAdapter adapter = rig.adapter("tck", settings);
    return ProviderFixture.of(ScimRig.users(adapter), Samples::user,
        () -> new Assignment("name.givenName", TextNode.valueOf("Renamed")), Optional.empty(), rig::close)
        .runningOn(rig.vertx, adapter.threading());
  }

  static ProviderFixture groups(Consumer<ObjectNode> settings) {
    ScimRig rig = new ScimRig();
    ScimAdapter adapter = rig.adapter("tck", settings);
    return ProviderFixture.of(ScimRig.groups(adapter), Samples::group, Samples::groupRename,
        Optional.of(Samples.members(ScimRig.users(adapter))), rig::close)
        .runningOn(rig.vertx, adapter.threading());
  }
}
