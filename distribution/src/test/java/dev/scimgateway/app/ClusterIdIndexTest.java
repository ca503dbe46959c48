package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scimgateway.simulator.SimulatorOptions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A user one replica created is found by another with one read, not a search or a scan. */
class ClusterIdIndexTest {

  private ClusterRig rig;

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void aLookUpAtOneReplicaOfAUserCreatedThroughAnotherCostsOneUpstreamCall() {
    rig = new ClusterRig(SimulatorOptions.defaults());
    rig.startReplicas(2, "writes: 180\nperSeconds: 60");
    for (int i = 0; i < 5; i++) { // a team of a few users, so that a scan would cost more than one call
      assertEquals(201, GatewayHarness.await(rig.create(0, "colleague" + i + "@example.com")).status());
    }
    assertEquals(201, GatewayHarness.await(rig.create(0, "Jane.Doe@example.com")).status());
    rig.postman.clearRequests();

    GatewayHarness.Response byExternalId = rig.get(1, "/scim/v2/" + ClusterRig.TENANT + "/Users"
        + GatewayRig.filter("externalId", "ext-Jane.Doe@example.com"));
    assertEquals(200, byExternalId.status(), byExternalId.body());
    assertEquals(1, byExternalId.json().getInteger("totalResults"));
    assertEquals(List.of("GET /Users/{id}"), GatewayRig.calls(rig.postman));

    // In another case than Postman has it: Postman's filter is case-sensitive, the replica would try two spellings.
    rig.postman.clearRequests();
    GatewayHarness.Response byUserName = rig.get(1, "/scim/v2/" + ClusterRig.TENANT + "/Users"
        + GatewayRig.filter("userName", "COLLEAGUE3@example.com"));
    assertEquals(1, byUserName.json().getInteger("totalResults"), byUserName.body());
    assertEquals(List.of("GET /Users/{id}"), GatewayRig.calls(rig.postman));
  }
}
