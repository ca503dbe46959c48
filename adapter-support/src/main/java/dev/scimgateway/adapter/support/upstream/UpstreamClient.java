package dev.scimgateway.adapter.support.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.scimgateway.adapter.api.AdapterTelemetry;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.adapter.support.budget.BudgetLane;
import dev.scimgateway.adapter.support.budget.RequestBudget;
import dev.scimgateway.adapter.support.budget.TeamBudget;
import dev.scimgateway.adapter.support.retry.RetryPolicy;
import dev.scimgateway.adapter.support.telemetry.UpstreamMetrics;
import io.netty.handler.codec.http.QueryStringEncoder;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends {@link UpstreamCall}s to one tenant's upstream over a pooled connection, inside the team's
 * {@link TeamBudget}, and returns the JSON of successful answers. Every failure, whatever the upstream
 * or the network did, becomes a {@link ScimFailure} through the adapter's {@link UpstreamErrors}.
 *
 * <p>Per call:
 * <ul>
 *   <li>every attempt first takes a slot of the team's read (GET) or write budget, waiting in line
 *       at most {@link UpstreamEndpoint#maxWait()} from the call's start; past that, or when the tenant
 *       already has {@link UpstreamEndpoint#maxQueue()} calls waiting, the IdP gets 429 with
 *       {@code Retry-After};</li>
 *   <li>a 429 from the upstream pauses that budget of the team (as long as its rate-limit headers
 *       say, else one window, see {@link RateLimitHints}) and the call is tried again when the pause
 *       ends, unless that is past its wait bound, when the IdP gets 429 with {@code Retry-After};</li>
 *   <li>a 5xx, a connection failure or a timeout is retried, for GET, PUT, PATCH and DELETE, as the
 *       {@link RetryPolicy} allows; then the translated error. A POST is not blindly re-sent: unless
 *       the connection was refused (nothing was sent) it fails with an {@link UncertainOutcome} for the
 *       caller to resolve.</li>
 * </ul>
 *
 * <p>Each event loop that calls sends over connections of its own ({@link LoopClients}), up to
 * {@value #CONNECTIONS_PER_LOOP} of them. Never blocks; the credential is sent in its header and appears
 * nowhere else.
 */
public final class UpstreamClient {

  private static final System.Logger LOG = System.getLogger(UpstreamClient.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Read with {@code readValue}: its deserializer is resolved once, {@code readTree} looks it up on every call. */
  private static final ObjectReader TREES = JSON.readerFor(JsonNode.class);
  /** How many upstream 429s one call absorbs before the IdP is told to retry. */
  private static final int MAX_RATE_LIMITED = 5;
  /** Pooled connections to the upstream of each event loop that calls it. */
  private static final int CONNECTIONS_PER_LOOP = 16;

  private final Vertx vertx;
  private final String tenant;
  private final UpstreamEndpoint endpoint;
  private final TeamBudget team;
  private final UpstreamErrors errors;
  private final UpstreamMetrics metrics;
  private final LoopClients clients;
  private final Target target;
  /**
   * What every request carries: the credential, Accept, the user agent. Read-only, so that a request shares them
   * instead of copying and validating each; names and values are Strings, which the client hands on as they are.
   */
  private final MultiMap headers;
  private final MultiMap headersWithBody;
  private final AtomicLong sent = new AtomicLong();

  public UpstreamClient(Vertx vertx, String tenant, UpstreamEndpoint endpoint, TeamBudget team, UpstreamErrors errors,
      AdapterTelemetry telemetry) {
    this.vertx = vertx;
    this.tenant = tenant;
    this.endpoint = endpoint;
    this.team = team;
    this.errors = errors;
    this.metrics = new UpstreamMetrics(telemetry, team, endpoint.upstream(), errors::pathTemplate);
    this.target = Target.of(endpoint.base());
    MultiMap fixed = HttpHeaders.headers()
        .set(endpoint.credentialHeader(), endpoint.credential())
        .set(HttpHeaders.ACCEPT.toString(), endpoint.mediaType())
        .set(HttpHeaders.USER_AGENT.toString(), "scim-gateway");
    this.headers = fixed.copy(false);
    this.headersWithBody = fixed.set(HttpHeaders.CONTENT_TYPE.toString(), "application/json").copy(false);
    HttpClientOptions options = new HttpClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, endpoint.requestTimeout().toMillis()));
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_LOOP);
    this.clients = new LoopClients(() -> new LoopClients.LoopClient(vertx.createHttpClient(options, pool),
        new AttemptDeadlines(vertx, endpoint.requestTimeout())));
  }

  /** Sends the call within the budget; a 2xx answer's JSON body (an empty object for none), or a failed future. */
  public Future<JsonNode> call(UpstreamCall call) {
    return call(call, endpoint.maxWait());
  }

  /** As {@link #call(UpstreamCall)}, waiting for the budget at most {@code maxWait} (longer for background work). */
  public Future<JsonNode> call(UpstreamCall call, Duration maxWait) {
    return exchange(call, maxWait).map(UpstreamAnswer::json);
  }

  /** As {@link #call(UpstreamCall)}, with the bytes of the answer's body beside its JSON. */
  public Future<UpstreamAnswer> exchange(UpstreamCall call) {
    return exchange(call, endpoint.maxWait());
  }

  private Future<UpstreamAnswer> exchange(UpstreamCall call, Duration maxWait) {
    Executor executor = CallerContext.executor(vertx);
    long deadline = System.nanoTime() + maxWait.toNanos();
    return attempt(new Exchange(call, team.nextTicket(), deadline, executor));
  }

  /** How many requests this client has sent upstream, every attempt counted. */
  public long sentCount() {
    return sent.get();
  }

  /** Cancels the tenant's waiting calls, leaves the team's budget and closes the connections. */
  public Future<Void> close() {
    ScimFailure closing = ScimFailure.unavailable("The gateway is shutting down; retry the request.", 30);
    team.reads().cancel(tenant, closing);
    team.writes().cancel(tenant, closing);
    team.leave(tenant);
    clients.close();
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

  private Future<UpstreamAnswer> attempt(Exchange exchange) {
    BudgetLane lane = team.lane(exchange.call.isWrite());
    long waitStarted = System.nanoTime();
    return lane.acquire(exchange.ticket, tenant, endpoint.maxQueue(), exchange.deadline, exchange.executor)
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

  private Future<UpstreamAnswer> send(Exchange exchange, BudgetLane.Permit permit) {
    exchange.attempts++;
    sent.incrementAndGet();
    long sentAt = System.nanoTime();
    Future<Answer> response;
    try {
      Buffer body = exchange.call.body() == null ? null : Buffer.buffer(write(exchange.call.body()));
      // The body is asked for in the callback that sends, on the request's context, so that no part of
      // the answer can arrive before there is a handler for it (the caller may be on another thread).
      LoopClients.LoopClient loop = clients.current();
      response = loop.client().request(request(exchange.call))
          .compose(request -> loop.deadlines().bound(request,
              (body == null ? request.send() : request.send(body)).compose(Answer::read)));
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

  private Future<UpstreamAnswer> outcome(Exchange exchange, AsyncResult<Answer> result) {
    UpstreamCall call = exchange.call;
    if (result.failed()) {
      Throwable failure = AttemptDeadlines.cause(result.cause());
      ScimFailure error = errors.connectionFailure(call, failure, exchange.attempts);
      if (call.isIdempotent() || failure instanceof ConnectException) {
        return retryOrFail(exchange, error, failure.getClass().getSimpleName());
      }
      return Future.failedFuture(new UncertainOutcome(error));
    }
    Answer response = result.result();
    int status = response.statusCode();
    if (status / 100 == 2) {
      try {
        return Future.succeededFuture(json(response, call));
      } catch (ScimFailure e) {
        // The upstream applied a create, or may have, but its answer does not say what it made: find out.
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

  /** Pauses the team's budget as the upstream asks and tries again when the pause is over. */
  private Future<UpstreamAnswer> absorbRateLimit(Exchange exchange, Answer response) {
    UpstreamCall call = exchange.call;
    Duration pause = RateLimitHints.pause(response.headers(), team.window(), System.currentTimeMillis());
    String kind = call.isWrite() ? "writes" : "reads";
    team.lane(call.isWrite()).pauseUntil(System.nanoTime() + pause.toNanos(),
        endpoint.upstream() + " answered 429 to this team's " + kind + " (another client shares its budget)");
    exchange.rateLimited++;
    exchange.rateLimitBody = response.bodyAsString();
    exchange.lastError = null;
    LOG.log(Level.WARNING, "tenant " + tenant + ": " + endpoint.upstream() + " answered 429 to " + call.method() + " "
        + errors.pathTemplate(call) + "; pausing this team's " + kind + " for " + pause.toMillis()
        + " ms and trying again");
    if (exchange.rateLimited > MAX_RATE_LIMITED) {
      return Future.failedFuture(errors.rateLimited(call, exchange.rateLimitBody, (int) Math.max(1, pause.toSeconds())));
    }
    return attempt(exchange);
  }

  /** Waits a backoff and tries again, or fails with {@code error} when the attempts are used up. */
  private Future<UpstreamAnswer> retryOrFail(Exchange exchange, ScimFailure error, String what) {
    exchange.lastError = error;
    RetryPolicy retry = endpoint.retry();
    OptionalLong nextBackoff = retry.backoffBeforeNextAttempt(exchange.attempts, exchange.deadline, System.nanoTime());
    if (nextBackoff.isEmpty()) {
      return Future.failedFuture(error);
    }
    long backoff = nextBackoff.getAsLong();
    LOG.log(Level.INFO, "tenant " + tenant + ": " + exchange.call.method() + " "
        + errors.pathTemplate(exchange.call) + " failed (" + what + "), attempt " + exchange.attempts
        + " of " + retry.maxAttempts() + "; retrying in " + backoff + " ms");
    return vertx.timer(Math.max(1, backoff)).compose(ignored -> attempt(exchange));
  }

  /** The request of one attempt; its timeout bounds getting a connection ({@link AttemptDeadlines} the rest). */
  private RequestOptions request(UpstreamCall call) {
    return new RequestOptions()
        .setMethod(call.method())
        .setServer(target.server())
        .setHost(target.host())
        .setPort(target.port())
        .setSsl(target.ssl())
        .setURI(uri(call))
        .setHeaders(call.body() == null ? headers : headersWithBody)
        .setFollowRedirects(false)
        .setConnectTimeout(endpoint.requestTimeout().toMillis());
  }

  private String uri(UpstreamCall call) {
    String path = target.path() + call.path();
    if (call.query().isEmpty()) {
      return path;
    }
    QueryStringEncoder encoder = new QueryStringEncoder(path);
    call.query().forEach(encoder::addParam);
    return encoder.toString();
  }

  /** An upstream's answer, its body read in full. */
  private record Answer(int statusCode, MultiMap headers, Buffer body) {

    static Future<Answer> read(HttpClientResponse response) {
      return response.body().map(body -> new Answer(response.statusCode(), response.headers(), body));
    }

    String bodyAsString() {
      return body == null ? null : body.toString(StandardCharsets.UTF_8);
    }
  }

  /**
   * The base URL taken apart once, as the web client would take apart every request's absolute URL (a
   * measurable share of a request), with the server's address the client would otherwise parse from the
   * host on every request.
   */
  private record Target(boolean ssl, String host, int port, String path, SocketAddress server) {

    static Target of(String base) {
      URI uri = URI.create(base);
      boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
      String host = uri.getHost();
      if (host == null || !(ssl || "http".equalsIgnoreCase(uri.getScheme()))) {
        throw new IllegalArgumentException("not an http(s) URL with a host: " + base);
      }
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      int port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
      return new Target(ssl, host, port, uri.getRawPath() == null ? "" : uri.getRawPath(),
          SocketAddress.inetSocketAddress(port, host));
    }
  }

  /** The answer's body; a create's must be the resource the upstream made, with its id. */
  private UpstreamAnswer json(Answer response, UpstreamCall call) {
    byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes();
    JsonNode answer = bytes.length == 0 ? JSON.createObjectNode() : parsed(bytes, response);
    if (!call.isIdempotent() && !answer.path("id").isTextual()) {
      throw ScimFailure.badGateway(endpoint.upstream() + " answered " + response.statusCode() + " to " + call
          + " without the resource it made.");
    }
    return new UpstreamAnswer(answer, bytes);
  }

  private JsonNode parsed(byte[] bytes, Answer response) {
    try {
      return TREES.readValue(bytes);
    } catch (IOException e) {
      if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
        return JSON.createObjectNode(); // a line break or spaces: no body
      }
      throw ScimFailure.badGateway(endpoint.upstream() + " answered " + response.statusCode()
          + " with a body that is not JSON.");
    }
  }

  private static byte[] write(JsonNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialize a JSON tree", e);
    }
  }
}
