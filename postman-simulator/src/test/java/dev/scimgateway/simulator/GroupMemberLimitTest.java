package dev.scimgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

class GroupMemberLimitTest extends SimulatorHttpTest {

  @Override
  SimulatorOptions options() {
    return super.options().withMaxMembersPerRequest(3);
  }

  @Test
  void aCreateNamingMoreMembersThanTheLimitIsAnInvalidBody() throws Exception {
    String[] users = createUsers("limit", 4);

    assertError(send(HttpMethod.POST, "/Groups", newGroup("Four", users)), PostmanError.INVALID_BODY);
    assertTrue(simulator.groups().isEmpty());
    assertEquals(201, send(HttpMethod.POST, "/Groups", newGroup("Three", users[0], users[1], users[2]))
        .statusCode());
  }

  @Test
  void theLimitCountsEveryMemberOfEveryOperationButNotTheStoredGroup() throws Exception {
    String[] users = createUsers("split", 6);
    JsonObject created = createGroup("Split", users[0], users[1], users[2]);
    String id = created.getString("id");

    assertError(send(HttpMethod.PATCH, "/Groups/" + id,
            patchOf(addMembersOp(users[3], users[4]), removeMemberOp(users[0]), removeMemberOp(users[1]))),
        PostmanError.INVALID_BODY);
    assertError(send(HttpMethod.PATCH, "/Groups/" + id, patchOf(replaceMembersOp(users[0], users[1], users[2],
        users[3]))), PostmanError.INVALID_BODY);
    assertEquals(created, get("/Groups/" + id).bodyAsJsonObject());

    HttpResponse<Buffer> first = send(HttpMethod.PATCH, "/Groups/" + id, patchOf(addMembersOp(users[3], users[4])));
    HttpResponse<Buffer> second = send(HttpMethod.PATCH, "/Groups/" + id,
        patchOf(renameOp(id, "Split"), addMembersOp(users[5])));

    assertEquals(200, first.statusCode(), first.bodyAsString());
    assertEquals(200, second.statusCode(), second.bodyAsString());
    assertEquals(6, get("/Groups/" + id).bodyAsJsonObject().getJsonArray("members").size());
  }
}
