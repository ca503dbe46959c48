package dev.scimgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 10,000-member group built in 1,000-member PATCHes, through the endpoints without HTTP. */
class LargeGroupTest {

  private static final int USERS = 10_000;
  private static final int PER_REQUEST = SimulatorOptions.DEFAULT_MAX_MEMBERS_PER_REQUEST;

  private final UserStore users = new UserStore(Clock.systemUTC());
  private final GroupEndpoints groups =
      new GroupEndpoints(new GroupStore(Clock.systemUTC()), users, PER_REQUEST);

  @Test
  void tenThousandMembersAreAddedInBatchesAndReadBackInOrder() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      ids.add(users.create(new UserValidator.NewUser("big" + i + "@example.com", "Big", "Group", null, true))
          .orElseThrow().id());
    }
    ScimResponse created = groups.create(request("POST",
        SimulatorHttpTest.newGroup("Everyone", ids.subList(0, PER_REQUEST).toArray(String[]::new))));
    assertEquals(201, created.status(), created.body());
    String id = new JsonObject(created.body()).getString("id");

    for (int from = PER_REQUEST; from < USERS; from += PER_REQUEST) {
      String[] batch = ids.subList(from, from + PER_REQUEST).toArray(String[]::new);
      ScimResponse patched = groups.patch(id, request("PATCH",
          SimulatorHttpTest.patchOf(SimulatorHttpTest.addMembersOp(batch))));
      assertEquals(200, patched.status(), patched.body());
    }

    assertSameList(ids, memberIds(groups.get(id)));

    String middle = ids.get(USERS / 2);
    ScimResponse removed = groups.patch(id, request("PATCH",
        SimulatorHttpTest.patchOf(SimulatorHttpTest.removeMemberOp(middle), SimulatorHttpTest.addMembersOp(middle))));
    assertEquals(200, removed.status(), removed.body());
    List<String> expected = new ArrayList<>(ids);
    expected.remove(middle);
    expected.add(middle);
    assertSameList(expected, memberIds(groups.get(id)));

    ScimResponse tooMany = groups.patch(id, request("PATCH", SimulatorHttpTest.patchOf(
        SimulatorHttpTest.replaceMembersOp(ids.subList(0, PER_REQUEST + 1).toArray(String[]::new)))));
    assertEquals(PostmanError.INVALID_BODY.body(), new JsonObject(tooMany.body()));
    assertEquals(USERS, memberIds(groups.get(id)).size());

    ScimResponse listed = groups.list(MultiMap.caseInsensitiveMultiMap().add("filter", "displayName eq \"Everyone\""));
    JsonArray resources = new JsonObject(listed.body()).getJsonArray("Resources");
    assertEquals(USERS, resources.getJsonObject(0).getJsonArray("members").size());
  }

  private static ScimRequest request(String method, JsonObject body) {
    return new ScimRequest(method, "/Groups", MultiMap.caseInsensitiveMultiMap(), "application/json", body.encode());
  }

  /** Like assertEquals, with a message short enough to read for 10,000 elements. */
  private static void assertSameList(List<String> expected, List<String> actual) {
    assertEquals(expected.size(), actual.size(), "size");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "element " + i);
    }
  }

  private static List<String> memberIds(ScimResponse response) {
    assertEquals(200, response.status(), response.body());
    return new JsonObject(response.body()).getJsonArray("members").stream()
        .map(m -> ((JsonObject) m).getString("value")).toList();
  }
}
