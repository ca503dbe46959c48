package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same create at two replicas at once (an IdP retry landing on the other one) is one POST to Postman. */
class ClusterCreateTest {

  private ClusterRig rig;

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void theSameCreateAtTwoReplicasIsSentOnceAndBothAnswerWithTheUser() {
    rig = new ClusterRig(SimulatorOptions.defaults());
    rig.startReplicas(2, "writes: 180\nperSeconds: 60");

    List<Future<GatewayHarness.Response>> creates = new ArrayList<>();
    for (int person = 0; person < 10; person++) {
      creates.add(rig.create(0, "twice" + person + "@example.com"));
      creates.add(rig.create(1, "Twice" + person + "@example.com"));
    }
    GatewayHarness.await(Future.join(creates));

    for (int person = 0; person < 10; person++) {
      GatewayHarness.Response first = creates.get(2 * person).result();
      GatewayHarness.Response second = creates.get(2 * person + 1).result();
      assertEquals(201, first.status(), first.body());
      assertEquals(201, second.status(), second.body());
      assertEquals(first.json().getString("id"), second.json().getString("id"));
    }
    assertEquals(10, rig.postman.users().size());
    assertEquals(10, rig.postman.requests().stream().filter(r -> r.method().equals("POST")).count(),
        "one POST per person: " + GatewayRig.calls(rig.postman));
  }
}
