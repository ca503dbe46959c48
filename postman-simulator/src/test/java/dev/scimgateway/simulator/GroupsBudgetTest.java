package dev.scimgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GroupsBudgetTest extends SimulatorHttpTest {

  @Override
  SimulatorOptions options() {
    return super.options().withBudget(4, 3, Duration.ofSeconds(60));
  }

  @Test
  void groupWritesShareTheUsersWriteBudget() throws Exception {
    String user = create("budget@example.com").getString("id");
    String id = createGroup("Budget", user).getString("id");
    assertEquals(200, send(HttpMethod.PATCH, "/Groups/" + id, patchOf(removeMemberOp(user))).statusCode());
    assertEquals(204, await(scim(HttpMethod.DELETE, "/Groups/" + id).send()).statusCode());

    HttpResponse<Buffer> refused = send(HttpMethod.POST, "/Groups", newGroup("Fifth"));

    assertEquals(429, refused.statusCode());
    assertEquals(new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:Error"))
        .put("detail", "That’s 4 attempts in less than a minute. Wait for a minute and then try again.")
        .put("status", 429), refused.bodyAsJsonObject());
    assertTrue(simulator.groups().isEmpty());
    assertEquals(429, send(HttpMethod.POST, "/Users", newUser("late@example.com", "A", "B")).statusCode());
    assertEquals(429, await(scim(HttpMethod.DELETE, "/Groups/" + id).send()).statusCode());
    assertEquals(200, get("/Groups").statusCode());
    assertEquals(3, simulator.rateLimitedCount());
    assertEquals(4, simulator.maxRequestsInAnyWindow(true));
  }

  @Test
  void groupReadsShareTheUsersReadBudget() throws Exception {
    String id = createGroup("Readable").getString("id");
    assertEquals(200, get("/Users").statusCode());
    assertEquals(200, get("/Groups").statusCode());
    assertEquals(200, get("/Groups/" + id).statusCode());

    HttpResponse<Buffer> refused = get("/Groups/" + id);

    assertEquals(429, refused.statusCode());
    assertEquals("That’s 3 attempts in less than a minute. Wait for a minute and then try again.",
        refused.bodyAsJsonObject().getString("detail"));
    assertEquals(429, refused.bodyAsJsonObject().getValue("status"));
    assertEquals(429, get("/Users").statusCode());
    assertEquals(200, send(HttpMethod.PATCH, "/Groups/" + id, patchOf(renameOp(id, "Still writable"))).statusCode());
  }
}
