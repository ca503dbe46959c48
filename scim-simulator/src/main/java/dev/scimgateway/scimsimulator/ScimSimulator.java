package dev.scimgateway.scimsimulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A small, standards-compliant in-memory SCIM 2.0 server (RFC 7643/7644), the upstream of the generic SCIM
 * adapter's tests and benchmarks.
 *
 * <p>Under {@link #baseUrl()} it serves {@code /Users} and {@code /Groups} (GET with {@code filter} — the full
 * grammar, evaluated by the UnboundID SCIM 2 SDK —, {@code startIndex} and {@code count}; POST; GET, PUT,
 * PATCH and DELETE of one resource), and {@code /ServiceProviderConfig}, {@code /ResourceTypes} and
 * {@code /Schemas}. userName and displayName are required and unique ignoring case (409 {@code uniqueness});
 * a group's members must exist. Each request goes through, in order: the {@linkplain #answerNext canned
 * answers}, the bearer token, the optional request budget (429 with {@code Retry-After}), the API.
 *
 * <p>Every method may be called from any thread. The token is never recorded.
 */
public final class ScimSimulator {

  private final Vertx vertx;
  private final ScimSimulatorOptions options;
  private final Map<String, ResourceStore> stores = new LinkedHashMap<>();
  private final List<ScimRequest> requests = new ArrayList<>();
  private final Deque<CannedAnswer> canned = new ArrayDeque<>();
  private final Deque<Long> budgetTimes = new ArrayDeque<>();
  private long rateLimited;
  private volatile HttpServer server;

  private ScimSimulator(Vertx vertx, ScimSimulatorOptions options) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.options = Objects.requireNonNull(options, "options");
    stores.put(ResourceKind.USER.endpoint(), new ResourceStore(ResourceKind.USER));
    stores.put(ResourceKind.GROUP.endpoint(), new ResourceStore(ResourceKind.GROUP));
  }

  public static ScimSimulator create(Vertx vertx, ScimSimulatorOptions options) {
    return new ScimSimulator(vertx, options);
  }

  /** Binds the options' host and port. */
  public Future<ScimSimulator> start() {
    return vertx.createHttpServer()
        .requestHandler(new ScimRoutes(vertx, this, stores, this::baseUrl).router())
        .listen(options.port(), options.host())
        .map(bound -> {
          server = bound;
          return this;
        });
  }

  public Future<Void> close() {
    HttpServer bound = server;
    return bound == null ? Future.succeededFuture() : bound.close();
  }

  public int port() {
    HttpServer bound = server;
    if (bound == null) {
      throw new IllegalStateException("the simulator is not started");
    }
    return bound.actualPort();
  }

  /** E.g. {@code http://127.0.0.1:41234/scim/v2}, without a trailing slash. */
  public String baseUrl() {
    return "http://" + options.host() + ":" + port() + ScimRoutes.PREFIX;
  }

  public ScimSimulatorOptions options() {
    return options;
  }

  /** The stored users in creation order. */
  public List<ObjectNode> users() {
    return stores.get(ResourceKind.USER.endpoint()).all();
  }

  /** The stored groups in creation order. */
  public List<ObjectNode> groups() {
    return stores.get(ResourceKind.GROUP.endpoint()).all();
  }

  /** Every answered SCIM request in arrival order. */
  public synchronized List<ScimRequest> requests() {
    return List.copyOf(requests);
  }

  /** {@link ScimRequest#call()} of every answered request, e.g. {@code [GET /Users, POST /Users]}. */
  public List<String> calls() {
    return requests().stream().map(ScimRequest::call).toList();
  }

  public synchronized void clearRequests() {
    requests.clear();
  }

  /** Answers the next SCIM request with {@code answer} instead of serving it; answers queue up. */
  public synchronized void answerNext(CannedAnswer answer) {
    canned.add(Objects.requireNonNull(answer, "answer"));
  }

  /** How many 429s the budget sent. */
  public synchronized long rateLimitedCount() {
    return rateLimited;
  }

  /** Drops resources, recorded requests, canned answers and the budget's window. */
  public synchronized void reset() {
    stores.values().forEach(ResourceStore::clear);
    requests.clear();
    canned.clear();
    budgetTimes.clear();
    rateLimited = 0;
  }

  synchronized void record(ScimRequest request) {
    requests.add(request);
  }

  synchronized Optional<CannedAnswer> takeCannedAnswer() {
    return Optional.ofNullable(canned.poll());
  }

  /** Takes a place in the budget; empty when the request may go, else the seconds until a place frees. */
  synchronized Optional<Integer> takeBudget() {
    if (options.budget() <= 0) {
      return Optional.empty();
    }
    long now = System.nanoTime();
    long window = options.window().toNanos();
    while (!budgetTimes.isEmpty() && now - budgetTimes.peekFirst() >= window) {
      budgetTimes.pollFirst();
    }
    if (budgetTimes.size() < options.budget()) {
      budgetTimes.addLast(now);
      return Optional.empty();
    }
    rateLimited++;
    long waitNanos = budgetTimes.peekFirst() + window - now;
    return Optional.of((int) Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
  }
}
