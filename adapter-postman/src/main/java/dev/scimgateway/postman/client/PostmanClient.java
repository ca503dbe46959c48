package dev.scimgateway.postman.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimgateway.adapter.api.AdapterTelemetry;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.adapter.api.ClusterSettings;
import dev.scimgateway.adapter.support.budget.BudgetLane;
import dev.scimgateway.adapter.support.budget.RequestBudget;
import dev.scimgateway.adapter.support.budget.TeamBudget;
import dev.scimgateway.adapter.support.budget.TeamBudgets;
import dev.scimgateway.adapter.support.budget.TeamKey;
import dev.scimgateway.adapter.support.cluster.CreateGuard;
import dev.scimgateway.adapter.support.cluster.SharedIdIndex;
import dev.scimgateway.adapter.support.retry.RetryPolicy;
import dev.scimgateway.adapter.support.telemetry.UpstreamMetrics;
import dev.scimgateway.adapter.support.upstream.RateLimitHints;
import dev.scimgateway.adapter.support.upstream.UncertainOutcome;
import dev.scimgateway.adapter.support.upstream.UpstreamCall;
import dev.scimgateway.postman.PostmanSettings;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends {@link UpstreamCall}s to one tenant's Postman team over a pooled connection, inside the
 * team's {@link TeamBudget}, and returns the JSON of successful answers. Every failure, whatever
 * Postman or the network did, becomes a {@link ScimFailure} through {@link PostmanErrorTranslator}.
 *
 * <p>Per call:
 * <ul>
 *   <li>every attempt first takes a slot of the team's read (GET) or write budget, waiting in line
 *       at most {@code rateLimit.maxWaitMillis} from the call's start; past that, or when the tenant
 *       already has {@code rateLimit.maxQueue} requests waiting, the IdP gets 429 with
 *       {@code Retry-After};</li>
 *   <li>a 429 from Postman pauses that budget of the team (as long as Postman's rate-limit headers
 *       say, else one window) and the call is tried again when the pause ends — unless that is past
 *       its wait bound, when the IdP gets 429 with {@code Retry-After};</li>
 *   <li>a 5xx, a connection failure or a timeout is retried, for GET, PUT and PATCH, up to
 *       {@code retry.maxAttempts} attempts in all with exponential backoff and jitter; then 502. A
 *       POST is not blindly re-sent: unless the connection was refused (nothing was sent) it fails
 *       with an {@link UncertainOutcome} for the caller to resolve (it is not a {@link ScimFailure}:
 *       a caller that cannot resolve it must turn it into {@link UncertainOutcome#failure()} before
 *       the gateway sees it).</li>
 * </ul>
 *
 * <p>Never blocks; the API key is sent in {@code Authorization} and appears nowhere else.
 */
public final class PostmanClient {

  private static final System.Logger LOG = System.getLogger(PostmanClient.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How many upstream 429s one call absorbs before the IdP is told to retry. */
  private static final int MAX_RATE_LIMITED = 5;

  private final Vertx vertx;
  private final String tenant;
  private final PostmanSettings settings;
  private final WebClient client;
  private final TeamBudget team;
  private final PostmanErrorTranslator errors;
  private final UpstreamMetrics metrics;
  private final CreateGuard creates;
  private final SharedIdIndex sharedIds;
  private final AtomicLong sent = new AtomicLong();

  /**
   * A client inside the budget it shares with the other tenants of its Postman team in {@code teams},
   * reporting to the gateway's telemetry.
   *
   * @param teams the team budgets of the adapter factory that creates the client
   * @throws dev.scimgateway.adapter.api.InvalidConfigException when another tenant of the team set a
   *     different budget
   */
  public PostmanClient(Vertx vertx, String tenant, PostmanSettings settings, AdapterTelemetry telemetry,
      TeamBudgets teams) {
    this(vertx, tenant, settings, telemetry, teams, Optional.empty());
  }

  /**
   * As {@link #PostmanClient(Vertx, String, PostmanSettings, AdapterTelemetry, TeamBudgets)}; with
   * {@code cluster} the team's budget is shared with the gateway's other replicas through Redis.
   */
  public PostmanClient(Vertx vertx, String tenant, PostmanSettings settings, AdapterTelemetry telemetry,
      TeamBudgets teams, Optional<ClusterSettings> cluster) {
    this.vertx = vertx;
    this.tenant = tenant;
    this.settings = settings;
    this.team = teams.join(vertx, tenant, TeamKey.of(settings.base(), settings.apiKey()),
        settings.rateLimit().budgetLimits(), "tenants." + tenant + ".postman.rateLimit", cluster);
    this.client = WebClient.create(vertx,
        new WebClientOptions()
            .setUserAgent("scim-gateway")
            .setFollowRedirects(false)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.requestTimeout().toMillis())),
        new PoolOptions().setHttp1MaxSize(16));
    this.errors = new PostmanErrorTranslator(tenant);
    this.metrics = new UpstreamMetrics(telemetry, team, "Postman", PostmanErrorTranslator::pathTemplate);
    this.creates = team.redis()
        .map(redis -> CreateGuard.shared(vertx, redis, team.team().sha256()))
        .orElseGet(CreateGuard::inProcess);
    this.sharedIds = team.redis()
        .map(redis -> SharedIdIndex.shared(redis, team.team().sha256()))
        .orElseGet(SharedIdIndex::inProcess);
  }

  /** A registry for the team budgets of Postman tenants, for an adapter factory to own. */
  public static TeamBudgets newTeamBudgets() {
    return new TeamBudgets("Postman", "baseUrl and apiKey");
  }

  /** Sends the call within the budget; a 2xx answer's JSON body, or a failed future. */
  public Future<JsonNode> call(UpstreamCall call) {
    return call(call, settings.rateLimit().maxWait());
  }

  /**
   * As {@link #call(UpstreamCall)}, waiting for the budget at most {@code maxWait} (longer for
   * background work such as the cache warm-up).
   */
  public Future<JsonNode> call(UpstreamCall call, Duration maxWait) {
    Context context = vertx.getOrCreateContext();
    Executor executor = task -> context.runOnContext(ignored -> task.run());
    long deadline = System.nanoTime() + maxWait.toNanos();
    return attempt(new Exchange(call, team.nextTicket(), deadline, executor));
  }

  /** How many requests this client has sent upstream, every attempt counted. */
  public long sentCount() {
    return sent.get();
  }

  /** Keeps two replicas from sending one create twice; lets every create go in a gateway on its own. */
  public CreateGuard creates() {
    return creates;
  }

  /** The ids the team's users have, as the gateway's replicas learned them (nothing in a gateway on its own). */
  public SharedIdIndex sharedIds() {
    return sharedIds;
  }

  /** The team budget the client sends within, shared with the team's other tenants (and replicas). */
  public TeamBudget team() {
    return team;
  }

  public Vertx vertx() {
    return vertx;
  }

  public PostmanSettings settings() {
    return settings;
  }

  public String tenant() {
    return tenant;
  }

  public Future<Void> close() {
    ScimFailure closing = ScimFailure.unavailable("The gateway is shutting down; retry the request.", 30);
    team.reads().cancel(tenant, closing);
    team.writes().cancel(tenant, closing);
    team.leave(tenant);
    client.close();
    return Future.succeededFuture();
  }

  /** One call on its way: its place in line, its wait bound and what its attempts met. */
  private static final class Exchange {
    final UpstreamCall call;
    final long ticket;
    final long deadline;
    final Executor executor;
    int attempts;
    int rateLimited;
    String rateLimitBody;
    ScimFailure lastError;

    Exchange(UpstreamCall call, long ticket, long deadline, Executor executor) {
      this.call = call;
      this.ticket = ticket;
      this.deadline = deadline;
      this.executor = executor;
    }
  }

  private Future<JsonNode> attempt(Exchange exchange) {
    BudgetLane lane = team.lane(exchange.call.isWrite());
    long waitStarted = System.nanoTime();
    return lane.acquire(exchange.ticket, tenant, settings.rateLimit().maxQueue(), exchange.deadline, exchange.executor)
        .transform(permit -> {
          if (permit.failed()) {
            metrics.refused(exchange.call);
            return Future.failedFuture(refused(exchange, permit.cause()));
          }
          metrics.waited(exchange.call, Duration.ofNanos(System.nanoTime() - waitStarted));
          return send(exchange, permit.result());
        });
  }

  /** Why the budget did not let an attempt go, as the IdP should hear it. */
  private Throwable refused(Exchange exchange, Throwable cause) {
    if (!(cause instanceof RequestBudget.BudgetExceededException refusal)) {
      return cause;
    }
    if (exchange.lastError != null) {
      return exchange.lastError; // a retry found no slot in time: the failure it was retrying is the answer
    }
    if (exchange.rateLimitBody != null && refusal.paused()) {
      return errors.rateLimited(exchange.call, exchange.rateLimitBody, refusal.retryAfterSeconds());
    }
    return errors.budgetExceeded(exchange.call, refusal);
  }

  private Future<JsonNode> send(Exchange exchange, BudgetLane.Permit permit) {
    exchange.attempts++;
    sent.incrementAndGet();
    long sentAt = System.nanoTime();
    Future<HttpResponse<Buffer>> response;
    try {
      HttpRequest<Buffer> request = request(exchange.call);
      response = exchange.call.body() == null
          ? request.send()
          : request.sendBuffer(Buffer.buffer(write(exchange.call.body())));
    } catch (RuntimeException e) {
      permit.release();
      return Future.failedFuture(e);
    }
    return response
        .andThen(result -> {
          permit.release();
          metrics.attempt(exchange.call, result.succeeded() ? result.result().statusCode() : 0,
              Duration.ofNanos(System.nanoTime() - sentAt), exchange.attempts > 1);
        })
        .transform(result -> outcome(exchange, result));
  }

  private Future<JsonNode> outcome(Exchange exchange, AsyncResult<HttpResponse<Buffer>> result) {
    UpstreamCall call = exchange.call;
    if (result.failed()) {
      Throwable failure = result.cause();
      ScimFailure error = errors.connectionFailure(call, failure, settings, exchange.attempts);
      if (call.isIdempotent() || failure instanceof ConnectException) {
        return retryOrFail(exchange, error, failure.getClass().getSimpleName());
      }
      return Future.failedFuture(new UncertainOutcome(error));
    }
    HttpResponse<Buffer> response = result.result();
    int status = response.statusCode();
    if (status / 100 == 2) {
      try {
        return Future.succeededFuture(json(response, call));
      } catch (ScimFailure e) {
        // Postman applied a create, or may have, but its answer does not say what it made: find out.
        return call.isIdempotent() ? Future.failedFuture(e) : Future.failedFuture(new UncertainOutcome(e));
      }
    }
    if (status == 429) {
      metrics.upstreamRateLimited(call);
      return absorbRateLimit(exchange, response);
    }
    ScimFailure error = errors.translate(call, status, response.bodyAsString(), exchange.attempts);
    metrics.translated(status, error);
    if (status >= 500) {
      return call.isIdempotent()
          ? retryOrFail(exchange, error, "HTTP " + status)
          : Future.failedFuture(new UncertainOutcome(error));
    }
    return Future.failedFuture(error);
  }

  /** Pauses the team's budget as Postman asks and tries again when the pause is over. */
  private Future<JsonNode> absorbRateLimit(Exchange exchange, HttpResponse<Buffer> response) {
    UpstreamCall call = exchange.call;
    Duration pause = RateLimitHints.pause(response.headers(), team.window(), System.currentTimeMillis());
    String kind = call.isWrite() ? "writes" : "reads";
    team.lane(call.isWrite()).pauseUntil(System.nanoTime() + pause.toNanos(),
        "Postman answered 429 to this team's " + kind + " (another client shares its budget)");
    exchange.rateLimited++;
    exchange.rateLimitBody = response.bodyAsString();
    exchange.lastError = null;
    LOG.log(Level.WARNING, "tenant " + tenant + ": Postman answered 429 to " + call.method() + " "
        + PostmanErrorTranslator.pathTemplate(call) + "; pausing this team's " + kind + " for " + pause.toMillis()
        + " ms and trying again");
    if (exchange.rateLimited > MAX_RATE_LIMITED) {
      return Future.failedFuture(errors.rateLimited(call, exchange.rateLimitBody, (int) Math.max(1, pause.toSeconds())));
    }
    return attempt(exchange);
  }

  /** Waits a backoff and tries again, or fails with {@code error} when the attempts are used up. */
  private Future<JsonNode> retryOrFail(Exchange exchange, ScimFailure error, String what) {
    exchange.lastError = error;
    RetryPolicy retry = settings.retry().policy();
    OptionalLong nextBackoff = retry.backoffBeforeNextAttempt(exchange.attempts, exchange.deadline, System.nanoTime());
    if (nextBackoff.isEmpty()) {
      return Future.failedFuture(error);
    }
    long backoff = nextBackoff.getAsLong();
    LOG.log(Level.INFO, "tenant " + tenant + ": " + exchange.call.method() + " "
        + PostmanErrorTranslator.pathTemplate(exchange.call) + " failed (" + what + "), attempt " + exchange.attempts
        + " of " + retry.maxAttempts() + "; retrying in " + backoff + " ms");
    return vertx.timer(Math.max(1, backoff)).compose(ignored -> attempt(exchange));
  }

  /**
   * {@link RetryPolicy#backoffMillis}, for the create that is sent again after an unknown outcome
   * ({@code PostmanUsers}).
   */
  public static long backoffMillis(Duration initial, int attempt) {
    return RetryPolicy.backoffMillis(initial, attempt);
  }

  private HttpRequest<Buffer> request(UpstreamCall call) {
    HttpRequest<Buffer> request = client.requestAbs(call.method(), settings.base() + call.path())
        .putHeader(HttpHeaders.AUTHORIZATION.toString(), settings.apiKey())
        .putHeader(HttpHeaders.ACCEPT.toString(), "application/json")
        .timeout(settings.requestTimeout().toMillis());
    if (call.body() != null) {
      request.putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json");
    }
    call.query().forEach(request::addQueryParam);
    return request;
  }

  /** The answer's body; a create's must be the resource Postman made, with its id. */
  private static JsonNode json(HttpResponse<Buffer> response, UpstreamCall call) {
    Buffer body = response.body();
    JsonNode answer;
    if (body == null || body.length() == 0) {
      answer = JSON.createObjectNode();
    } else {
      try {
        answer = JSON.readTree(body.getBytes());
      } catch (IOException e) {
        throw ScimFailure.badGateway("Postman answered " + response.statusCode() + " with a body that is not JSON.");
      }
    }
    if (!call.isIdempotent() && !answer.path("id").isTextual()) {
      throw ScimFailure.badGateway("Postman answered " + response.statusCode() + " to " + call
          + " without the resource it made.");
    }
    return answer;
  }

  private static byte[] write(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }
}
