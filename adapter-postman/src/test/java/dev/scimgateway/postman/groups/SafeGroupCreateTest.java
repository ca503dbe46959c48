package dev.scimgateway.postman.groups;

import static dev.scimgateway.postman.PostmanTestSupport.await;
import static dev.scimgateway.postman.PostmanTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.postman.AdapterRig;
import dev.scimgateway.simulator.Fault;
import dev.scimgateway.simulator.FaultAction;
import dev.scimgateway.simulator.PostmanError;
import dev.scimgateway.simulator.SimulatorOptions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A group create whose outcome is unknown is looked up before it is sent again: one group, never two, none lost. */
class SafeGroupCreateTest {

  private AdapterRig rig;
  private PostmanGroups groups;

  @BeforeEach
  void start() {
    rig = AdapterRig.start(SimulatorOptions.defaults());
    groups = GroupRig.groups(rig.adapter("t", settings -> settings.putObject("retry").put("initialBackoffMillis", 10)));
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void aCreateWhoseAnswerWasLostIsFoundNotRepeated() {
    rig.simulator.inject(Fault.once("POST", "/Groups", new FaultAction.DropResponseAfterApplying()));

    ObjectNode created = await(groups.create(GroupRig.group("Lost answer", List.of())));

    assertEquals("Lost answer", created.path("displayName").asText());
    assertEquals(List.of("POST /Groups", "GET /Groups"), rig.calls());
    assertEquals(1, rig.simulator.groups().size());
  }

  @Test
  void aCreateThatDidNotHappenIsSentAgain() {
    rig.simulator.inject(Fault.once("POST", "/Groups", new FaultAction.Respond(PostmanError.ADD_MEMBER_FAILED)));

    ObjectNode created = await(groups.create(GroupRig.group("Second try", List.of())));

    assertEquals(created.path("id").asText(), rig.simulator.groups().get(0).getString("id"));
    assertEquals(List.of("POST /Groups", "GET /Groups", "POST /Groups"), rig.calls());
  }

  @Test
  void aCreateThatNeverGoesThroughIs502AfterTheAttempts() {
    rig.simulator.inject(new Fault("POST", "/Groups", 3, new FaultAction.Respond(PostmanError.ADD_MEMBER_FAILED)));

    ScimFailure failed = failure(groups.create(GroupRig.group("Never", List.of())));

    assertEquals(502, failed.status(), failed.detail());
    assertTrue(failed.detail().startsWith("Postman failed on POST /Groups with HTTP 500"), failed.detail());
    assertEquals(List.of("POST /Groups", "GET /Groups", "POST /Groups", "GET /Groups", "POST /Groups", "GET /Groups"),
        rig.calls());
    assertEquals(List.of(), rig.simulator.groups());
  }
}
