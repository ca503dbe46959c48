package dev.scimgateway.postman.groups;

import static dev.scimgateway.postman.PostmanTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimgateway.adapter.api.ListFilter;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.MultiValuedDelta;
import dev.scimgateway.adapter.api.ResourceChange;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.postman.AdapterRig;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the group index saves calls, and how Postman keeps the last word when it is out of date. */
class GroupChangesTest {

  private AdapterRig rig;
  private PostmanGroups groups;

  @BeforeEach
  void start() {
    rig = AdapterRig.start(SimulatorOptions.defaults());
    groups = GroupRig.groups(rig.adapter("t", settings -> { }));
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void aRenameSkippedOnAStaleNameIsSentOnceTheAnswerShowsIt() {
    List<String> users = GroupRig.seedUsers(rig, "stale", 1);
    String id = await(groups.create(GroupRig.group("Design", List.of()))).path("id").asText();
    GroupRig.renameInPostman(rig, id, "Design (old)");
    rig.simulator.clearRequests();

    var answer = await(groups.modify(id, renameAndAdd("Design", users.get(0))));

    assertEquals(List.of("PATCH /Groups/{id}", "PATCH /Groups/{id}"), rig.calls(), "the add, then the rename it showed was needed");
    assertEquals("Design", rig.simulator.groups().get(0).getString("displayName"));
    assertEquals("Design", answer.path("displayName").asText());
    assertEquals(users, GroupRig.memberValues(answer), "the members of the add's answer are kept");
  }

  @Test
  void aLookUpWhoseKnownSpellingIsGoneFallsBackToTheNameAndThenAScan() {
    String id = await(groups.create(GroupRig.group("Platform", List.of()))).path("id").asText();
    GroupRig.renameInPostman(rig, id, "PLATFORM");
    rig.simulator.clearRequests();

    ResourcePage found = await(groups.list(displayName("platform", false)));

    assertEquals(1, found.totalResults());
    assertEquals(id, found.resources().get(0).path("id").asText());
    assertEquals(List.of("GET /Groups?filter=displayName eq \"Platform\"&startIndex=1&count=100",
        "GET /Groups?filter=displayName eq \"platform\"&startIndex=1&count=100",
        "GET /Groups?startIndex=1&count=100"), rig.callsWithQueries());

    rig.simulator.clearRequests();
    assertEquals(1, await(groups.list(displayName("Platform", false))).totalResults());
    assertEquals(List.of("GET /Groups?filter=displayName eq \"PLATFORM\"&startIndex=1&count=100"), rig.callsWithQueries(),
        "the scan taught the index Postman's spelling");
  }

  @Test
  void aCaseExactLookUpTrustsPostmansFilterAndDoesNotScan() {
    await(groups.create(GroupRig.group("Infra", List.of())));
    rig.simulator.clearRequests();

    assertEquals(0, await(groups.list(displayName("infra", true))).totalResults());
    assertEquals(List.of("GET /Groups"), rig.calls());
  }

  private static ListQuery displayName(String value, boolean caseExact) {
    return new ListQuery(Optional.of(ListFilter.equality("displayName", value, caseExact)), 1, 100);
  }

  private static ResourceChange renameAndAdd(String displayName, String user) {
    return new ResourceChange(List.of(), Set.of("displayName", "members"), Map.of("displayName", TextNode.valueOf(displayName)),
        Map.of("members", new MultiValuedDelta("members",
            List.of(JsonNodeFactory.instance.objectNode().put("value", user)), List.of())),
        () -> Future.failedFuture(new AssertionError("no read needed")));
  }
}
