package dev.scimgateway.app;

import static dev.scimgateway.app.AuthenticationTest.assertScimError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.simulator.Fault;
import dev.scimgateway.simulator.FaultAction;
import dev.scimgateway.simulator.PostmanError;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whatever Postman does, the IdP gets a SCIM error in bounded time, never a 500 with a stack trace. */
class UpstreamFailureTest {

  /** Reads, PUT and PATCH are tried this often (the default {@code retry.maxAttempts}) before the IdP hears of a failure. */
  private static final int ATTEMPTS = 3;

  private static GatewayHarness harness;

  @BeforeAll
  static void start() {
    harness = GatewayHarness.start(SimulatorOptions.defaults(), "requestTimeoutMillis: 500");
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @BeforeEach
  void clean() {
    harness.simulator.reset();
  }

  @Test
  void postmanServerErrorIs502WithPostmansDetail() {
    harness.simulator.inject(new Fault("GET", "/Users", ATTEMPTS, new FaultAction.Respond(PostmanError.FETCH_MEMBERS_FAILED)));

    var response = harness.get(harness.usersPath());

    assertEquals(502, response.status());
    assertScimError(response, "502");
    assertTrue(response.json().getString("detail").contains("Couldn’t fetch members of the team."), response.body());
  }

  @Test
  void badUpstreamKeyIs502NotTheIdpsFault() {
    harness.simulator.inject(new Fault("GET", "/Users", 1, new FaultAction.Respond(PostmanError.BAD_KEY)));

    var response = harness.get(harness.usersPath());

    assertEquals(502, response.status());
    assertTrue(response.json().getString("detail").contains("API key"), response.body());
    assertFalse(response.body().contains(GatewayHarness.API_KEY));
  }

  @Test
  void adminGoneIs502() {
    harness.simulator.inject(new Fault("POST", "/Users", 1, new FaultAction.Respond(PostmanError.ADMIN_GONE)));

    var response = harness.post(harness.usersPath(), new JsonObject(
        "{\"userName\":\"a@example.com\",\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"}}"));

    assertEquals(502, response.status());
  }

  @Test
  void noSeatsKeepsPostmansStatusAndWords() {
    harness.simulator.inject(new Fault("POST", "/Users", 1, new FaultAction.Respond(PostmanError.NO_SLOTS)));

    var response = harness.post(harness.usersPath(), new JsonObject(
        "{\"userName\":\"a@example.com\",\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"}}"));

    assertEquals(400, response.status());
    assertTrue(response.json().getString("detail").startsWith("Postman: No slots available"), response.body());
  }

  @Test
  void htmlErrorPageIs502ScimError() {
    harness.simulator.inject(new Fault("GET", "/Users", ATTEMPTS,
        new FaultAction.RespondRaw(503, "text/html", "<html><body>Service Unavailable</body></html>")));

    var response = harness.get(harness.usersPath());

    assertEquals(502, response.status());
    assertScimError(response, "502");
    assertFalse(response.body().contains("<html>"));
  }

  /** A body of nothing but a line break is no body, not a body that is not JSON. */
  @Test
  void aDeleteAnsweredWithABlankBodySucceeds() {
    String id = harness.post(harness.groupsPath(), new JsonObject("{\"displayName\":\"Blank answer\",\"members\":[]}"))
        .json().getString("id");
    harness.simulator.inject(new Fault("DELETE", "/Groups/.+", 1, new FaultAction.RespondRaw(200, "application/json", "\r\n")));

    var response = harness.delete(harness.groupsPath() + "/" + id);

    assertEquals(204, response.status(), response.body());
    assertEquals(0, harness.simulator.pendingFaults(), "the delete reached Postman and got the blank answer");
  }

  /**
   * Postman's window (60 s) outlasts the request's wait bound (15 s), so the 429 cannot be absorbed.
   * A gateway of its own: the pause it causes would hold up the other tests' reads.
   */
  @Test
  void upstreamRateLimitIs429WithRetryAfter() {
    try (var own = GatewayHarness.start(SimulatorOptions.defaults(), "")) {
      own.simulator.inject(new Fault("GET", "/Users", 1, new FaultAction.Respond(PostmanError.RATE_LIMITED_READS)));

      var response = own.get(own.usersPath());

      assertEquals(429, response.status());
      assertEquals("429", response.json().getString("status"));
      assertTrue(Integer.parseInt(response.headers().get("Retry-After")) > 0);
    }
  }

  @Test
  void silentUpstreamTimesOutAs502() {
    harness.simulator.inject(new Fault("GET", "/Users/.+", ATTEMPTS, new FaultAction.Delay(Duration.ofSeconds(3))));

    var response = harness.get(harness.usersPath() + "/slow");

    assertEquals(502, response.status());
    assertTrue(response.json().getString("detail").contains("did not answer"), response.body());
  }

  /** The answer's head came in time, but not the rest of it: the attempt's timeout counts to the last byte. */
  @Test
  void anAnswerWhoseBodyStallsTimesOutAs502() {
    harness.simulator.inject(new Fault("GET", "/Users/.+", ATTEMPTS, new FaultAction.StallBody(Duration.ofSeconds(5))));

    var response = harness.get(harness.usersPath() + "/stalled");

    assertEquals(502, response.status(), response.body());
    assertScimError(response, "502");
    assertTrue(response.json().getString("detail").contains("did not answer"), response.body());
    assertEquals(0, harness.simulator.pendingFaults(), "each of the attempts was sent, and each timed out");
  }

  /** The upstream would still answer in time for its own timeout, but the IdP's request may not take that long. */
  @Test
  void aRequestOutlastingTheServersTimeoutIs503WithRetryAfter() {
    try (var own = GatewayHarness.start(SimulatorOptions.defaults(), "requestTimeoutMillis: 10000", "", "requestTimeoutMillis: 300")) {
      own.simulator.inject(new Fault("GET", "/Users/.+", 2, new FaultAction.Delay(Duration.ofSeconds(3))));

      for (int attempt = 0; attempt < 2; attempt++) {
        var response = own.get(own.usersPath() + "/slow");

        assertEquals(503, response.status());
        assertScimError(response, "503");
        assertTrue(Integer.parseInt(response.headers().get("Retry-After")) > 0, response.headers().toString());
      }
      assertEquals(200, own.get(own.usersPath()).status(), "requests in time are answered as before");
    }
  }

  /** The request timeout of one request leaves the requests answered after it arrived untouched, and they it. */
  @Test
  void requestsAnsweredWhileAnEarlierOneOutlastsTheTimeoutKeepTheirAnswers() throws Exception {
    CapturedLogs logs = CapturedLogs.install();
    try (logs; var own = GatewayHarness.start(SimulatorOptions.defaults(), "requestTimeoutMillis: 10000", "", "requestTimeoutMillis: 1500")) {
      own.simulator.inject(new Fault("GET", "/Users/slow", 1, new FaultAction.Delay(Duration.ofSeconds(4))));
      CompletableFuture<GatewayHarness.Response> slow = CompletableFuture.supplyAsync(() -> own.get(own.usersPath() + "/slow"));
      while (own.simulator.pendingFaults() > 0 && !slow.isDone()) {
        Thread.sleep(10); // until the slow request is in flight upstream
      }

      for (int i = 0; i < 20; i++) {
        assertEquals(200, own.get(own.usersPath()).status(), "request " + i + " behind the slow one");
      }
      var timedOut = slow.get(30, TimeUnit.SECONDS);
      assertEquals(503, timedOut.status(), timedOut.body());
      assertScimError(timedOut, "503");
    } // the gateway closes with the slow call still in flight upstream
    assertTrue(logs.lines().stream().noneMatch(line -> line.contains("unexpected failure")),
        "work that fails after the timeout's answer is no bug: " + logs.lines());
  }

  @Test
  void droppedConnectionIs502() {
    harness.simulator.inject(new Fault("GET", "/Users/.+", ATTEMPTS, new FaultAction.DropConnection()));

    var response = harness.get(harness.usersPath() + "/whatever");

    assertEquals(502, response.status());
    assertScimError(response, "502");
  }

  @Test
  void unreachableUpstreamIs502() {
    try (var offline = GatewayHarness.start(SimulatorOptions.defaults(), "")) {
      GatewayHarness.await(offline.simulator.close());

      var response = offline.get(offline.usersPath());

      assertEquals(502, response.status());
      assertTrue(response.json().getString("detail").contains("Could not reach Postman"), response.body());
    }
  }
}
