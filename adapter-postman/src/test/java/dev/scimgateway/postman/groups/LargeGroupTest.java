package dev.scimgateway.postman.groups;

import static dev.scimgateway.postman.PostmanTestSupport.await;
import static dev.scimgateway.postman.PostmanTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AttributeSelection;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.postman.AdapterRig;
import dev.scimgateway.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Groups larger than one Postman request: 10,000 members created and read back, member changes of more
 * than {@code groups.maxMembersPerRequest} split into several PATCHes inside the budget, and a failed
 * part undone (or, when its undo fails too, reported with what remains).
 */
class LargeGroupTest {

  private static final int PER_REQUEST = SimulatorOptions.DEFAULT_MAX_MEMBERS_PER_REQUEST;

  @Test
  void tenThousandMembersAreCreatedInPartsAndReadBackWhole() {
    try (AdapterRig rig = AdapterRig.start(SimulatorOptions.defaults().withBudget(100_000, 100_000, Duration.ofSeconds(60)))) {
      PostmanGroups groups = GroupRig.groups(rig.adapter("big", settings -> settings.putObject("rateLimit")
          .put("reads", 100_000).put("writes", 100_000)));
      List<String> users = GroupRig.seedUsers(rig, "everyone", 10_000);
      rig.simulator.clearRequests();

      ObjectNode created = await(groups.create(GroupRig.group("Everyone", users)));

      List<String> calls = rig.calls();
      assertEquals("POST /Groups", calls.get(0));
      assertEquals(Collections.nCopies(9, "PATCH /Groups/{id}"), calls.subList(1, calls.size()), "1,000 members a request");
      assertEquals(users, GroupRig.memberValues(created), "the answer is the whole group");
      String id = created.path("id").asText();
      assertEquals(users, GroupRig.memberValues(rig.simulator.groups().get(0)));

      rig.simulator.clearRequests();
      assertEquals(users, GroupRig.memberValues(await(groups.get(id))));
      ObjectNode withoutMembers = await(groups.get(id, new AttributeSelection(Set.of(), Set.of("members"))));
      assertFalse(withoutMembers.has("members"));
      assertEquals("Everyone", withoutMembers.path("displayName").asText());
      assertEquals(List.of("GET /Groups/{id}", "GET /Groups/{id}"), rig.calls());
    }
  }

  @Test
  void aLargeAddIsSplitAndAFailedPartIsUndone() {
    try (AdapterRig rig = AdapterRig.start(SimulatorOptions.defaults().withBudget(100_000, 100_000, Duration.ofSeconds(60)))) {
      PostmanGroups groups = GroupRig.groups(rig.adapter("big", settings -> settings.putObject("rateLimit")
          .put("reads", 100_000).put("writes", 100_000)));
      List<String> users = GroupRig.seedUsers(rig, "member", 2_500);
      String id = await(groups.create(GroupRig.group("Big", users.subList(0, 10)))).path("id").asText();

      // 2,490 more members: 1,000 + 1,000 + 490 in three PATCHes.
      rig.simulator.clearRequests();
      ObjectNode added = await(groups.modify(id, GroupRig.members(users.subList(10, 2_500), List.of())));
      assertEquals(List.of("PATCH /Groups/{id}", "PATCH /Groups/{id}", "PATCH /Groups/{id}"), rig.calls());
      assertEquals(users, GroupRig.memberValues(added));
      assertEquals(users, GroupRig.memberValues(rig.simulator.groups().get(0)));

      // Removing 1,500 and adding back one that is no user: the third part fails, the first two are undone.
      List<String> removed = users.subList(0, 2_000);
      rig.simulator.clearRequests();
      ScimFailure refused = failure(groups.modify(id, GroupRig.members(List.of("not-a-user"), removed)));

      assertEquals(400, refused.status(), refused.detail());
      assertEquals(ScimErrorType.INVALID_VALUE, refused.scimType().orElseThrow());
      assertTrue(refused.detail().contains("'not-a-user'"), refused.detail());
      assertTrue(refused.detail().contains("part 3 failed, and the gateway undid the 2 parts already applied: the group"
          + " is as it was"), refused.detail());
      assertEquals(Collections.nCopies(5, "PATCH /Groups/{id}"), rig.calls(), "three parts, then two undos");
      assertEquals(Set.copyOf(users), Set.copyOf(GroupRig.memberValues(rig.simulator.groups().get(0))),
          "every member removed by the undone parts is back");
    }
  }

  @Test
  void whenAnUndoFailsTooTheIdpIsToldWhatRemains() {
    // Writes for the create and three parts, and no more within the window: the undo cannot be sent.
    try (AdapterRig rig = AdapterRig.start(SimulatorOptions.defaults().withBudget(100_000, 100_000, Duration.ofSeconds(60)))) {
      ScimAdapter adapter = rig.adapter("tight", settings -> settings.putObject("rateLimit")
          .put("reads", 100).put("writes", 4).put("perSeconds", 600).put("maxWaitMillis", 200));
      PostmanGroups groups = GroupRig.groups(adapter);
      List<String> users = GroupRig.seedUsers(rig, "tight", 2_100);
      await(AdapterRig.users(adapter).warmUp()); // the tenant learns its users (22 reads), as look-ups would
      String id = await(groups.create(GroupRig.group("Tight", List.of()))).path("id").asText();
      List<String> adding = new ArrayList<>(users);
      adding.add("not-a-user");

      ScimFailure failed = failure(groups.modify(id, GroupRig.members(adding, List.of())));

      assertEquals(502, failed.status(), failed.detail());
      assertTrue(failed.detail().contains("the gateway has never seen this one as a Postman user: not-a-user."), failed.detail());
      assertTrue(failed.detail().contains("keeps part of the change: 1000 members added; 1000 members added"), failed.detail());
      assertEquals(2_000, GroupRig.memberValues(rig.simulator.groups().get(0)).size(), "what the detail says remains");
    }
  }
}
