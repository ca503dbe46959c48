package dev.scimgateway.postman.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimgateway.adapter.api.AdapterTelemetry;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.postman.PostmanSettings;
import dev.scimgateway.postman.PostmanSettings.RateLimit;
import dev.scimgateway.adapter.support.upstream.UncertainOutcome;
import dev.scimgateway.adapter.support.upstream.UpstreamCall;
import dev.scimgateway.postman.PostmanTestSupport;
import dev.scimgateway.simulator.Fault;
import dev.scimgateway.simulator.FaultAction;
import dev.scimgateway.simulator.PostmanError;
import dev.scimgateway.simulator.PostmanSimulator;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One tenant's client: the budget, upstream 429s, retries and what is never retried. */
class PostmanClientTest {

  private static final String KEY = PostmanTestSupport.API_KEY;
  private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"%s\","
      + "\"name\":{\"givenName\":\"A\",\"familyName\":\"B\"}}";

  private Vertx vertx;
  private PostmanSimulator simulator;
  private PostmanClient client;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    simulator = PostmanTestSupport.await(PostmanSimulator.create(vertx,
        SimulatorOptions.defaults().withApiKey(KEY).withBudget(5, 5, Duration.ofSeconds(1))).start());
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    PostmanTestSupport.await(simulator.close());
    PostmanTestSupport.await(vertx.close());
  }

  private PostmanClient client(String baseUrl, RateLimit rateLimit, int maxAttempts) {
    PostmanSettings settings = new PostmanSettings(URI.create(baseUrl), KEY, Duration.ofMillis(500), rateLimit,
        new PostmanSettings.Retry(maxAttempts, Duration.ofMillis(10)), PostmanSettings.IdCache.defaults());
    client = new PostmanClient(vertx, "t1", settings, AdapterTelemetry.NOOP, PostmanClient.newTeamBudgets());
    return client;
  }

  private static RateLimit perSecond(int reads, int writes) {
    return new RateLimit(reads, writes, Duration.ofSeconds(1), 100, Duration.ofSeconds(10), true);
  }

  private static UpstreamCall create(String userName) {
    return UpstreamCall.send(HttpMethod.POST, "/Users", PostmanTestSupport.json(USER.formatted(userName)));
  }

  private static UpstreamCall list() {
    return UpstreamCall.get("/Users", Map.of("count", "1"));
  }

  @Test
  void aBurstBeyondTheBudgetWaitsItsTurnAndPostmanNeverRefusesIt() {
    PostmanClient client = client(simulator.baseUrl(), perSecond(5, 5), 3);

    List<Future<JsonNode>> writes = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      writes.add(client.call(create("burst" + i + "@example.com")));
    }
    List<Future<JsonNode>> reads = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      reads.add(client.call(list()));
    }
    PostmanTestSupport.await(Future.all(writes));
    PostmanTestSupport.await(Future.all(reads));

    assertEquals(12, simulator.users().size());
    assertEquals(0, simulator.rateLimitedCount());
    assertTrue(simulator.maxRequestsInAnyWindow(true) <= 5, "writes in a window: " + simulator.maxRequestsInAnyWindow(true));
    assertTrue(simulator.maxRequestsInAnyWindow(false) <= 5, "reads in a window: " + simulator.maxRequestsInAnyWindow(false));
  }

  @Test
  void pastTheWaitBoundTheIdpIsToldWhenToRetry() {
    PostmanClient client = client(simulator.baseUrl(),
        new RateLimit(5, 1, Duration.ofSeconds(5), 100, Duration.ofMillis(500), true), 3);
    PostmanTestSupport.await(client.call(create("first@example.com")));

    ScimFailure refused = PostmanTestSupport.failure(client.call(create("second@example.com")));

    assertEquals(429, refused.status());
    assertTrue(refused.retryAfterSeconds().orElseThrow() >= 1, refused.detail());
    assertTrue(refused.detail().contains("rateLimit.maxWaitMillis"), refused.detail());
    assertEquals(1, simulator.requests().size(), "the refused request never left the gateway");
  }

  @Test
  void anUpstream429PausesTheTeamAndTheRequestIsSentAgain() {
    PostmanClient client = client(simulator.baseUrl(), perSecond(5, 5), 1);
    simulator.inject(Fault.once("POST", "/Users", new FaultAction.Respond(PostmanError.RATE_LIMITED_WRITES)));

    JsonNode created = PostmanTestSupport.await(client.call(create("absorbed@example.com")));

    assertEquals("absorbed@example.com", created.path("userName").asText());
    assertEquals(List.of(429, 201), simulator.requests().stream().map(r -> r.status()).toList());
  }

  @Test
  void postmansRetryAfterIsHonouredInsteadOfAWholeWindow() {
    AtomicInteger calls = new AtomicInteger();
    HttpServer server = PostmanTestSupport.await(vertx.createHttpServer().requestHandler(request -> {
      if (calls.incrementAndGet() == 1) {
        request.response().setStatusCode(429).putHeader("Retry-After", "1").putHeader("Content-Type", "application/json")
            .end("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"detail\":\"That’s 300 attempts in less than a minute.\",\"status\":429}");
      } else {
        request.response().putHeader("Content-Type", "application/json").end("{\"totalResults\":0,\"Resources\":[]}");
      }
    }).listen(0, "127.0.0.1"));
    // A one-minute window would outlast the 10 s wait bound: only honouring Retry-After gets this through.
    PostmanClient client = client("http://127.0.0.1:" + server.actualPort() + "/scim/v2",
        new RateLimit(300, 180, Duration.ofSeconds(60), 100, Duration.ofSeconds(10), true), 1);

    JsonNode answer = PostmanTestSupport.await(client.call(list()));

    assertEquals(0, answer.path("totalResults").asInt(-1));
    assertEquals(2, calls.get());
  }

  @Test
  void aReadIsRetriedOnServerErrorsAndSucceeds() {
    PostmanClient client = client(simulator.baseUrl(), perSecond(5, 5), 3);
    simulator.inject(new Fault("GET", "/Users", 2, new FaultAction.Respond(PostmanError.FETCH_MEMBERS_FAILED)));

    PostmanTestSupport.await(client.call(list()));

    assertEquals(List.of(500, 500, 200), simulator.requests().stream().map(r -> r.status()).toList());
    assertEquals(3, client.sentCount());
  }

  @Test
  void aReadIsRetriedOnTimeoutsAndDroppedConnectionsThen502() {
    PostmanClient client = client(simulator.baseUrl(), perSecond(5, 5), 2);
    simulator.inject(Fault.once("GET", "/Users", new FaultAction.Delay(Duration.ofSeconds(2))));
    simulator.inject(Fault.once("GET", "/Users", new FaultAction.DropConnection()));

    ScimFailure failure = PostmanTestSupport.failure(client.call(list()));

    assertEquals(502, failure.status());
    assertTrue(failure.detail().contains("2 attempts"), failure.detail());
    assertEquals(2, client.sentCount());
  }

  @Test
  void aCreateIsNeverSentTwiceBlindly() {
    PostmanClient client = client(simulator.baseUrl(), perSecond(5, 5), 3);
    simulator.inject(Fault.once("POST", "/Users", new FaultAction.DropResponseAfterApplying()));

    AsyncResult<JsonNode> result = PostmanTestSupport.await(
        client.call(create("once@example.com")).transform(Future::succeededFuture));

    UncertainOutcome uncertain = assertInstanceOf(UncertainOutcome.class, result.cause());
    assertEquals(502, uncertain.failure().status(), "what the IdP gets if the caller cannot resolve it");
    assertEquals(1, client.sentCount());
    assertEquals(1, simulator.users().size());
  }

  @Test
  void aCreateWhoseConnectionWasRefusedIsSafeToRetry() {
    PostmanClient client = client("http://127.0.0.1:1/scim/v2", perSecond(5, 5), 3);

    ScimFailure failure = PostmanTestSupport.failure(client.call(create("refused@example.com")));

    assertEquals(ScimFailure.class, failure.getClass(), "nothing reached Postman: a plain failure");
    assertTrue(failure.detail().startsWith("Could not reach Postman at 127.0.0.1 for tenant t1"), failure.detail());
    assertEquals(3, client.sentCount());
  }

  @Test
  void aClientErrorIsNotRetried() {
    PostmanClient client = client(simulator.baseUrl(), perSecond(5, 5), 3);
    simulator.inject(Fault.once("GET", "/Users", new FaultAction.Respond(PostmanError.TEAM_GONE)));

    ScimFailure failure = PostmanTestSupport.failure(client.call(list()));

    assertEquals(400, failure.status());
    assertEquals(1, client.sentCount());
  }

  @Test
  void noFailureEverContainsTheKey() {
    PostmanClient client = client(simulator.baseUrl(), perSecond(5, 5), 1);
    simulator.inject(Fault.once("GET", "/Users", new FaultAction.Respond(PostmanError.BAD_KEY)));

    ScimFailure failure = PostmanTestSupport.failure(client.call(list()));

    assertEquals(502, failure.status());
    assertFalse(failure.detail().contains(KEY), failure.detail());
    assertTrue(failure.detail().contains("tenants.t1.postman.apiKey"), failure.detail());
  }
}
