package dev.scimgateway.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-memory, faithful implementation of Postman's SCIM 2.0 Users and Groups APIs (see
 * {@code shared/docs/postman-scim.md}).
 *
 * <p>Under {@link #baseUrl()} it serves {@code GET/POST /Users}, {@code GET/PUT/PATCH /Users/{id}},
 * {@code GET/POST /Groups}, {@code GET/PATCH/DELETE /Groups/{id}}, {@code GET /ServiceProviderConfig} and
 * {@code GET /ResourceTypes}; everything else gets Postman's generic 404. Group calls share the users' budgets
 * (GET a read; POST, PATCH and DELETE writes). Each SCIM request goes through, in order:
 * <ol>
 *   <li>the {@linkplain #inject(Fault) fault queue}: the first matching fault applies, whatever the request's key;</li>
 *   <li>authentication: the {@code Authorization} header must be the key, raw or as {@code Bearer <key>};</li>
 *   <li>the rate-limit budget: sliding windows for writes and reads; only authenticated requests count, and neither
 *       refused (429) requests nor requests answered by a fault count
 *       ({@link FaultAction.Delay} and {@link FaultAction.DropResponseAfterApplying} go through normal handling,
 *       so they do count);</li>
 *   <li>the API itself.</li>
 * </ol>
 *
 * <p>Handlers run on one Vert.x event loop; every method here may also be called from other threads. The
 * simulator logs nothing and never records or exposes the API key. Unauthenticated control endpoints under
 * {@code /_simulator} (see {@code ControlRoutes}) make it usable out of process.
 */
public final class PostmanSimulator {

  private final Vertx vertx;
  private final SimulatorOptions options;
  private final UserStore store = new UserStore(Clock.systemUTC());
  private final GroupStore groupStore = new GroupStore(Clock.systemUTC());
  private final FaultQueue faults = new FaultQueue();
  private final RequestLog log = new RequestLog();
  private final RequestBudget budget;
  private volatile HttpServer server;
  private boolean starting;

  private PostmanSimulator(Vertx vertx, SimulatorOptions options) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.options = Objects.requireNonNull(options, "options");
    this.budget = new RequestBudget(options.writesPerWindow(), options.readsPerWindow(), options.window().toNanos(),
        System::nanoTime);
  }

  public static PostmanSimulator create(Vertx vertx, SimulatorOptions options) {
    return new PostmanSimulator(vertx, options);
  }

  /** Binds {@code options.host()} and {@code options.port()} (0: a free port). */
  public synchronized Future<PostmanSimulator> start() {
    if (starting) {
      return Future.failedFuture(new IllegalStateException("already started"));
    }
    starting = true;
    ScimApi api = new ScimApi(store, groupStore, options.maxMembersPerRequest(), this::baseUrl);
    SimulatorRoutes routes = new SimulatorRoutes(vertx, new ApiKeyCheck(options.apiKey()), budget, faults, log, api);
    return vertx.createHttpServer()
        .requestHandler(routes.router(new ControlRoutes(this)))
        .listen(options.port(), options.host())
        .map(bound -> {
          server = bound;
          return this;
        });
  }

  /** The bound port. */
  public int port() {
    return started().actualPort();
  }

  /** E.g. {@code http://127.0.0.1:41234/scim/v2}, without a trailing slash. */
  public String baseUrl() {
    return "http://" + urlHost() + ":" + port() + SimulatorRoutes.SCIM_PREFIX;
  }

  public SimulatorOptions options() {
    return options;
  }

  public Future<Void> close() {
    HttpServer bound = server;
    return bound == null ? Future.succeededFuture() : bound.close();
  }

  /** The stored users in creation order, each exactly as {@code GET /Users/{id}} returns it. */
  public List<JsonObject> users() {
    return store.all().stream().map(StoredUser::toJson).toList();
  }

  /** The user whose userName is exactly (case-sensitively) {@code userName}. */
  public Optional<JsonObject> userByUserName(String userName) {
    return store.all().stream().filter(u -> u.userName().equals(userName)).findFirst().map(StoredUser::toJson);
  }

  /** The stored groups in creation order, each exactly as {@code GET /Groups/{id}} returns it. */
  public List<JsonObject> groups() {
    return groupStore.all().stream().map(StoredGroup::toJson).toList();
  }

  /** The group whose displayName is exactly (case-sensitively) {@code displayName}. */
  public Optional<JsonObject> groupByDisplayName(String displayName) {
    return groupStore.all().stream().filter(g -> g.displayName().equals(displayName)).findFirst()
        .map(StoredGroup::toJson);
  }

  /** Every answered SCIM request in arrival order, control endpoints excluded. */
  public List<RecordedRequest> requests() {
    return log.snapshot();
  }

  public void clearRequests() {
    log.clear();
  }

  /** Queues a fault behind those already queued. */
  public void inject(Fault fault) {
    faults.add(Objects.requireNonNull(fault, "fault"));
  }

  public void clearFaults() {
    faults.clear();
  }

  /** How many queued faults still have applications left. */
  public int pendingFaults() {
    return faults.size();
  }

  /** How many 429s the budget has sent since the last reset. */
  public long rateLimitedCount() {
    return budget.refusedCount();
  }

  /** The most writes (or reads) accepted within any one window since the last reset. */
  public int maxRequestsInAnyWindow(boolean writes) {
    return budget.maxInAnyWindow(writes);
  }

  /** Drops users, groups, recorded requests, faults, budget windows and counters. */
  public void reset() {
    store.clear();
    groupStore.clear();
    log.clear();
    faults.clear();
    budget.reset();
  }

  private HttpServer started() {
    HttpServer bound = server;
    if (bound == null) {
      throw new IllegalStateException("the simulator is not started");
    }
    return bound;
  }

  private String urlHost() {
    String host = options.host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      return "127.0.0.1";
    }
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
