package dev.scimgateway.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.tck.ProviderFixture;
import dev.scimgateway.adapter.tck.ProviderFixture.Assignment;
import dev.scimgateway.adapter.tck.Samples;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The conformance kit's fixtures for the adapter's Users and Groups over the SCIM simulator. */
final class ScimFixtures {

  private ScimFixtures() {}

  /** Users with the enterprise extension, which the simulator stores; {@code assignment} is what PATCHes set. */
  static ProviderFixture users(Consumer<ObjectNode> settings, Supplier<Assignment> assignment) {
    ScimRig rig = new ScimRig();
    ScimAdapter adapter = rig.adapter("tck", settings);
    return ProviderFixture.of(ScimRig.users(adapter), Samples::enterpriseUser, assignment, Optional.empty(), rig::close)
        .runningOn(rig.vertx, adapter.threading());
  }

  static ProviderFixture users(Consumer<ObjectNode> settings) {
    return users(settings, () -> new Assignment("name.givenName", TextNode.valueOf("Renamed")));
  }

  static ProviderFixture groups(Consumer<ObjectNode> settings) {
    ScimRig rig = new ScimRig();
    ScimAdapter adapter = rig.adapter("tck", settings);
    return ProviderFixture.of(ScimRig.groups(adapter), Samples::group, Samples::groupRename,
        Optional.of(Samples.members(ScimRig.users(adapter))), rig::close)
        .runningOn(rig.vertx, adapter.threading());
  }
}
