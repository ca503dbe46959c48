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

class RateLimitTest extends SimulatorHttpTest {

  private static final Duration WINDOW = Duration.ofSeconds(2);

  @Override
  SimulatorOptions options() {
    return super.options().withBudget(3, 5, WINDOW);
  }

  @Test
  void theFourthWriteInAWindowIsRefusedWhileReadsStillPass() throws Exception {
    for (int i = 0; i < 3; i++) {
      create("writer" + i + "@example.com");
    }

    HttpResponse<Buffer> refused = send(HttpMethod.POST, "/Users", newUser("fourth@example.com", "A", "B"));

    assertEquals(429, refused.statusCode());
    assertEquals(new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:Error"))
        .put("detail", "That’s 3 attempts in less than a minute. Wait for a minute and then try again.")
        .put("status", 429), refused.bodyAsJsonObject());
    assertTrue(refused.bodyAsJsonObject().getValue("status") instanceof Integer);
    assertEquals(null, refused.getHeader("Retry-After"));
    assertTrue(simulator.userByUserName("fourth@example.com").isEmpty());
    assertEquals(200, get("/Users").statusCode());
    assertEquals(1, simulator.rateLimitedCount());
    assertEquals(3, simulator.maxRequestsInAnyWindow(true));
    assertEquals(1, simulator.maxRequestsInAnyWindow(false));
  }

  @Test
  void readsHaveTheirOwnBudgetAndTheReadText() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertEquals(200, get("/Users").statusCode());
    }

    HttpResponse<Buffer> refused = get("/Users");

    assertEquals(429, refused.statusCode());
    assertEquals("That’s 5 attempts in less than a minute. Wait for a minute and then try again.",
        refused.bodyAsJsonObject().getString("detail"));
    assertEquals(201, send(HttpMethod.POST, "/Users", newUser("writes.ok@example.com", "A", "B")).statusCode());
  }

  @Test
  void refusedAndUnauthenticatedRequestsDoNotCountAndTheWindowSlides() throws Exception {
    for (int i = 0; i < 3; i++) {
      create("slide" + i + "@example.com");
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(429, send(HttpMethod.POST, "/Users", newUser("x" + i + "@example.com", "A", "B")).statusCode());
    }
    await(client.post(simulator.port(), HOST, "/scim/v2/Users").putHeader("Authorization", "wrong")
        .sendJsonObject(newUser("y@example.com", "A", "B")));

    await(vertx.timer(WINDOW.toMillis() + 200));

    assertEquals(201, send(HttpMethod.POST, "/Users", newUser("after@example.com", "A", "B")).statusCode());
    assertEquals(3, simulator.rateLimitedCount());
    assertEquals(3, simulator.maxRequestsInAnyWindow(true));
  }

  @Test
  void resetClearsTheWindows() throws Exception {
    for (int i = 0; i < 3; i++) {
      create("reset" + i + "@example.com");
    }

    simulator.reset();

    assertEquals(201, send(HttpMethod.POST, "/Users", newUser("again@example.com", "A", "B")).statusCode());
    assertEquals(0, simulator.rateLimitedCount());
  }
}
