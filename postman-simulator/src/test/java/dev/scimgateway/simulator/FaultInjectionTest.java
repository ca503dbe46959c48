package dev.scimgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends SimulatorHttpTest {

  @Override
  SimulatorOptions options() {
    return super.options().withBudget(2, 100, Duration.ofSeconds(60));
  }

  @Test
  void respondAnswersWithADocumentedErrorAndChangesNothing() throws Exception {
    simulator.inject(Fault.once("POST", "/Users", new FaultAction.Respond(PostmanError.NO_SLOTS)));

    assertError(send(HttpMethod.POST, "/Users", newUser("a@example.com", "A", "B")), PostmanError.NO_SLOTS);
    assertTrue(simulator.users().isEmpty());
    assertEquals(0, simulator.pendingFaults());
    assertEquals(201, send(HttpMethod.POST, "/Users", newUser("a@example.com", "A", "B")).statusCode());
  }

  @Test
  void faultsApplyBeforeAuthentication() throws Exception {
    simulator.inject(Fault.once("GET", "/Users", new FaultAction.Respond(PostmanError.ADMIN_GONE)));

    HttpResponse<Buffer> response = await(client.get(simulator.port(), HOST, "/scim/v2/Users").send());

    assertError(response, PostmanError.ADMIN_GONE);
  }

  @Test
  void respondRawSendsAnything() throws Exception {
    simulator.inject(new Fault("*", "/Users/.+", 2,
        new FaultAction.RespondRaw(502, "text/html", "<html><body>Bad Gateway</body></html>")));
    String id = create("raw@example.com").getString("id");

    for (int i = 0; i < 2; i++) {
      HttpResponse<Buffer> response = get("/Users/" + id);
      assertEquals(502, response.statusCode());
      assertEquals("text/html", response.getHeader("Content-Type"));
      assertEquals("<html><body>Bad Gateway</body></html>", response.bodyAsString());
    }
    assertEquals(200, get("/Users/" + id).statusCode());
  }

  @Test
  void faultsMatchInQueueOrderByMethodAndWholePath() throws Exception {
    simulator.inject(Fault.once("PATCH", "/Users/.+", new FaultAction.Respond(PostmanError.UPDATE_MEMBER_FAILED)));
    simulator.inject(Fault.once("get", "/Users", new FaultAction.Respond(PostmanError.FETCH_MEMBERS_FAILED)));
    simulator.inject(Fault.once("*", "/Users", new FaultAction.Respond(PostmanError.TEAM_GONE)));

    assertEquals(200, get("/ServiceProviderConfig").statusCode());
    assertError(get("/Users?count=1"), PostmanError.FETCH_MEMBERS_FAILED);
    assertError(send(HttpMethod.POST, "/Users", newUser("a@example.com", "A", "B")), PostmanError.TEAM_GONE);
    assertEquals(1, simulator.pendingFaults());
  }

  @Test
  void delayThenHandlesNormally() throws Exception {
    simulator.inject(Fault.once("POST", "/Users", new FaultAction.Delay(Duration.ofMillis(300))));

    HttpResponse<Buffer> response = send(HttpMethod.POST, "/Users", newUser("slow@example.com", "A", "B"));

    assertEquals(201, response.statusCode());
    assertTrue(simulator.userByUserName("slow@example.com").isPresent());
    assertEquals(201, simulator.requests().get(0).status());
  }

  @Test
  void delayedRequestsStillNeedTheKey() throws Exception {
    simulator.inject(Fault.once("GET", "/Users", new FaultAction.Delay(Duration.ofMillis(50))));

    assertError(await(client.get(simulator.port(), HOST, "/scim/v2/Users").send()), PostmanError.BAD_KEY);
  }

  @Test
  void dropResponseAfterApplyingCreatesTheUserButTheClientSeesAConnectionError() throws Exception {
    simulator.inject(Fault.once("POST", "/Users", new FaultAction.DropResponseAfterApplying()));

    failure(scim(HttpMethod.POST, "/Users").sendJsonObject(newUser("ghost@example.com", "A", "B")));

    assertTrue(simulator.userByUserName("ghost@example.com").isPresent());
    assertEquals(0, simulator.requests().get(0).status());
    assertError(send(HttpMethod.POST, "/Users", newUser("ghost@example.com", "A", "B")), PostmanError.ALREADY_MEMBER);
  }

  @Test
  void dropConnectionPerformsNothing() throws Exception {
    simulator.inject(Fault.once("POST", "/Users", new FaultAction.DropConnection()));

    failure(scim(HttpMethod.POST, "/Users").sendJsonObject(newUser("never@example.com", "A", "B")));

    assertTrue(simulator.users().isEmpty());
    assertEquals(1, simulator.requests().size());
    assertEquals(0, simulator.requests().get(0).status());
    assertEquals(201, send(HttpMethod.POST, "/Users", newUser("never@example.com", "A", "B")).statusCode());
  }

  @Test
  void requestsAnsweredByAFaultDoNotCountTowardTheBudget() throws Exception {
    simulator.inject(new Fault("POST", "/Users", 3, new FaultAction.Respond(PostmanError.ADD_MEMBER_FAILED)));
    for (int i = 0; i < 3; i++) {
      assertError(send(HttpMethod.POST, "/Users", newUser("a@example.com", "A", "B")),
          PostmanError.ADD_MEMBER_FAILED);
    }

    create("one@example.com");
    create("two@example.com");

    assertEquals(429, send(HttpMethod.POST, "/Users", newUser("three@example.com", "A", "B")).statusCode());
  }

  @Test
  void controlEndpointsWorkOverHttp() throws Exception {
    int port = simulator.port();
    JsonObject fault = new JsonObject().put("method", "POST").put("path", "/Users").put("times", 1)
        .put("error", "ALREADY_MEMBER");
    assertEquals(204, await(client.post(port, HOST, "/_simulator/faults").sendJsonObject(fault)).statusCode());
    assertEquals(1, simulator.pendingFaults());
    assertError(send(HttpMethod.POST, "/Users", newUser("a@example.com", "A", "B")), PostmanError.ALREADY_MEMBER);

    JsonObject raw = new JsonObject().put("path", "/Users").put("status", 503).put("contentType", "text/html")
        .put("body", "<html>down</html>");
    await(client.post(port, HOST, "/_simulator/faults").sendJsonObject(raw));
    assertEquals("<html>down</html>", get("/Users").bodyAsString());

    await(client.post(port, HOST, "/_simulator/faults")
        .sendJsonObject(new JsonObject().put("path", "/Users").put("drop", "afterApplying")));
    failure(scim(HttpMethod.POST, "/Users").sendJsonObject(newUser("dropped@example.com", "A", "B")));

    JsonArray users = await(client.get(port, HOST, "/_simulator/users").send()).bodyAsJsonArray();
    assertEquals(List.of("dropped@example.com"), users.stream()
        .map(u -> ((JsonObject) u).getString("userName")).toList());

    JsonArray requests = await(client.get(port, HOST, "/_simulator/requests").send()).bodyAsJsonArray();
    assertEquals(List.of(409, 503, 0), requests.stream().map(r -> ((JsonObject) r).getInteger("status")).toList());

    await(client.post(port, HOST, "/_simulator/faults")
        .sendJsonObject(new JsonObject().put("path", ".*").put("delayMillis", 1000).put("times", 5)));
    assertEquals(204, await(client.delete(port, HOST, "/_simulator/faults").send()).statusCode());
    assertEquals(0, simulator.pendingFaults());

    assertEquals(204, await(client.post(port, HOST, "/_simulator/reset").send()).statusCode());
    assertTrue(simulator.users().isEmpty());
    assertTrue(simulator.requests().isEmpty());
  }

  @Test
  void controlEndpointsRejectMalformedFaults() throws Exception {
    for (JsonObject bad : List.of(
        new JsonObject().put("method", "POST").put("error", "ALREADY_MEMBER"),
        new JsonObject().put("path", "/Users").put("error", "NO_SUCH_ERROR"),
        new JsonObject().put("path", "/Users"),
        new JsonObject().put("path", "/Users").put("drop", "sometimes"),
        new JsonObject().put("path", "/Users").put("error", "TEAM_GONE").put("delayMillis", 5),
        new JsonObject().put("path", "/Users(").put("error", "TEAM_GONE"),
        new JsonObject().put("path", "/Users").put("times", 0).put("error", "TEAM_GONE"))) {
      HttpResponse<Buffer> response = await(client.post(simulator.port(), HOST, "/_simulator/faults")
          .sendJsonObject(bad));
      assertEquals(400, response.statusCode(), bad.encode());
    }
    assertEquals(0, simulator.pendingFaults());
    assertFalse(await(client.get(simulator.port(), HOST, "/_simulator/requests").send()).bodyAsString()
        .contains("_simulator"));
  }
}
