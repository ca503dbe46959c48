package dev.scimgateway.adapter.support.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimgateway.adapter.api.AdapterTelemetry;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.adapter.support.budget.BudgetLimits;
import dev.scimgateway.adapter.support.budget.RequestBudget;
import dev.scimgateway.adapter.support.budget.TeamBudgets;
import dev.scimgateway.adapter.support.budget.TeamKey;
import dev.scimgateway.adapter.support.retry.RetryPolicy;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An {@link UpstreamClient} called from two event loops: each loop's calls travel over connections that
 * loop opened, and each answer comes back on the loop that called.
 */
class UpstreamClientLoopsTest {

  private static final int CALLS_PER_ROUND = 5;

  private Vertx vertx;
  private HttpServer upstream;
  private UpstreamClient client;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));
    upstream = vertx.createHttpServer()
        .requestHandler(request -> request.response().putHeader("Content-Type", "application/json")
            .end("{\"id\":\"u1\",\"connection\":" + request.connection().remoteAddress().port() + "}"))
        .listen(0, "127.0.0.1")
        .await(10, TimeUnit.SECONDS);
    String base = "http://127.0.0.1:" + upstream.actualPort();
    var team = new TeamBudgets("Stub", "base").join(vertx, "loops", TeamKey.of(base, "key"),
        new BudgetLimits(10_000, 10_000, Duration.ofSeconds(1), true), "tenants.loops.rateLimit");
    var endpoint = new UpstreamEndpoint("Stub", base, "Authorization", "Bearer key", Duration.ofSeconds(5), 100,
        Duration.ofSeconds(5), new RetryPolicy(1, Duration.ofMillis(10)), "application/json");
    client = new UpstreamClient(vertx, "loops", endpoint, team, new StubErrors(), AdapterTelemetry.NOOP);
  }

  @AfterEach
  void stop() throws Exception {
    client.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void eachLoopSendsOverItsOwnConnectionsAndHearsTheAnswerOnItself() throws Exception {
    Context first = newLoop();
    Context second = newLoop();
    assertNotEquals(threadOf(first), threadOf(second), "two contexts on two event loops");

    Round a = round(first);
    Round b = round(second);
    Round again = round(first);

    assertEquals(Set.of(threadOf(first)), a.answeredOn());
    assertEquals(Set.of(threadOf(second)), b.answeredOn());
    Set<Integer> shared = new HashSet<>(a.connections());
    shared.retainAll(b.connections());
    assertTrue(shared.isEmpty(), "the second loop reused the first loop's connections " + shared);
    assertTrue(a.connections().containsAll(again.connections()),
        "the first loop came back to its own connections: " + a.connections() + " then " + again.connections());
  }

  /** The connections (the upstream's view of their ports) and the threads of answers of one round of calls. */
  private record Round(Set<Integer> connections, Set<String> answeredOn) {}

  /** {@link #CALLS_PER_ROUND} calls one after the other, made on {@code context}. */
  private Round round(Context context) throws Exception {
    Promise<Round> done = Promise.promise();
    context.runOnContext(ignored -> next(new Round(new HashSet<>(), new HashSet<>()), 0).onComplete(done));
    return done.future().await(10, TimeUnit.SECONDS);
  }

  private Future<Round> next(Round round, int made) {
    if (made == CALLS_PER_ROUND) {
      return Future.succeededFuture(round);
    }
    return client.call(UpstreamCall.get("/Users/u1", Map.of())).compose((JsonNode answer) -> {
      round.connections().add(answer.path("connection").asInt());
      round.answeredOn().add(Thread.currentThread().getName());
      return next(round, made + 1);
    });
  }

  /** The context of a verticle of its own: Vert.x gives each deployment the next event loop. */
  private Context newLoop() throws Exception {
    Promise<Context> loop = Promise.promise();
    vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        loop.complete(context);
        return Future.succeededFuture();
      }
    }).await(10, TimeUnit.SECONDS);
    return loop.future().await(10, TimeUnit.SECONDS);
  }

  private static String threadOf(Context context) throws Exception {
    Promise<String> name = Promise.promise();
    context.runOnContext(ignored -> name.complete(Thread.currentThread().getName()));
    return name.future().await(10, TimeUnit.SECONDS);
  }

  private static final class StubErrors implements UpstreamErrors {

    @Override
    public ScimFailure translate(UpstreamCall call, int status, String body, int attempts) {
      return ScimFailure.badGateway("The stub answered " + status + ".");
    }

    @Override
    public ScimFailure connectionFailure(UpstreamCall call, Throwable failure, int attempts) {
      return ScimFailure.badGateway("The stub did not answer.");
    }

    @Override
    public ScimFailure rateLimited(UpstreamCall call, String body, int retryAfterSeconds) {
      return ScimFailure.tooManyRequests("The stub is busy.", retryAfterSeconds);
    }

    @Override
    public ScimFailure budgetExceeded(UpstreamCall call, RequestBudget.BudgetExceededException refusal) {
      return ScimFailure.tooManyRequests("The budget is used up.", refusal.retryAfterSeconds());
    }

    @Override
    public String pathTemplate(UpstreamCall call) {
      return "/Users/{id}";
    }
  }
}
