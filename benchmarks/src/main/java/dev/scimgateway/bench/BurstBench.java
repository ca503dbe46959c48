package dev.scimgateway.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Benchmark 3: a burst against Postman's real budget (180 writes and 300 reads per window) with the window
 * scaled down to {@value #WINDOW_SECONDS} s. The Postman simulator enforces the budget; the gateway is
 * configured with the same budget and window, a queue and wait bound large enough that it refuses nothing.
 * This process is the load generator: Vert.x Web Client, one connection per request, every request sent at
 * once, latencies in an HdrHistogram. {@link Variant#CLUSTER_CREATES} sends the burst round-robin to
 * {@value #REPLICAS} gateway replicas configured with {@code cluster.redis} (a redis-server of its own).
 */
final class BurstBench {

  static final int WINDOW_SECONDS = 2;
  static final int WRITES = 180;
  static final int READS = 300;
  static final int REQUESTS = 1_000;
  static final int MAX_QUEUE = 5_000;
  static final int MAX_WAIT_MILLIS = 90_000;
  static final int SERVER_TIMEOUT_MILLIS = 120_000;
  static final int REPLICAS = 3;

  enum Variant {
    CREATES("1,000 creates (`POST /Users`), through the gateway"),
    ASSIGNMENTS("1,000 Okta assignments (look-up, then create), through the gateway"),
    CLUSTER_CREATES("1,000 creates spread over 3 replicas that share the budget through Redis"),
    DIRECT("1,000 creates sent straight to Postman (no gateway)");

    final String label;

    Variant(String label) {
      this.label = label;
    }
  }

  /** One burst. */
  record Run(Variant variant, int users, double completionSeconds, long upstream429, long idpFailures,
      Map<Integer, Long> idpStatuses, double p50Ms, double p99Ms, double maxMs, int maxWritesInWindow,
      int maxReadsInWindow, int created, double budgetRejected, int upstreamCalls, double firstAnswerSeconds,
      double meanUpstreamMillis, double redisCommandsPerRequest) {}

  /**
   * Okta pushing a group of {@value #PUSH_MEMBERS} members right after the burst created them: the group's
   * create, then membership PATCHes of {@value #PUSH_BATCH} members, one after the other.
   */
  record GroupPush(int idpRequests, double completionSeconds, long upstream429, int upstreamCalls, int storedMembers,
      Map<Integer, Long> idpStatuses) {}

  static final int PUSH_MEMBERS = 1_000;
  static final int PUSH_BATCH = 100;

  static final class Result {
    final List<Run> runs = new ArrayList<>();
    final List<GroupPush> pushes = new ArrayList<>();
    int repetitions;

    List<Run> of(Variant variant) {
      return runs.stream().filter(r -> r.variant() == variant).toList();
    }
  }

  private final Stack stack;
  private final int repetitions;
  private int simulatorPort;
  private int redisPort;
  private int gatewayPort;
  private int[] replicaPorts;

  BurstBench(Stack stack, int repetitions) {
    this.stack = stack;
    this.repetitions = repetitions;
  }

  /** calls ÷ budget × window. */
  static double theoreticalMinimumSeconds(int calls, int budget) {
    return (double) calls / budget * WINDOW_SECONDS;
  }

  /** A sliding window lets the first {@code budget} go at once, so the last call can go ⌊(calls−1)/budget⌋ windows later. */
  static double slidingWindowBoundSeconds(int calls, int budget) {
    return (double) ((calls - 1) / budget) * WINDOW_SECONDS;
  }

  static String gatewayBudgetYaml() {
    return Stack.rateLimit(READS, WRITES, WINDOW_SECONDS, MAX_QUEUE, MAX_WAIT_MILLIS);
  }

  Result run() {
    Result result = new Result();
    result.repetitions = repetitions;
    replicaPorts = new int[REPLICAS];
    Vertx vertx = Vertx.vertx();
    WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(false).setConnectTimeout(30_000),
        new PoolOptions().setHttp1MaxSize(REQUESTS + 100).setMaxWaitQueueSize(-1));
    // Each port is picked right before the process that binds it starts: a port picked early may meanwhile be
    // taken as the local port of one of the outgoing connections the processes already running make.
    try (Child simulator = stack.simulator(simulatorPort = Net.freePort(), WRITES, READS, WINDOW_SECONDS);
         Child gateway = stack.gateway("gateway-burst", gatewayPort = Net.freePort(), simulatorPort, gatewayBudgetYaml(),
             "requestTimeoutMillis: " + SERVER_TIMEOUT_MILLIS, List.of(), true);
         Child redis = stack.redis(redisPort = Net.freePort());
         Replicas replicas = new Replicas(redisPort)) {
      // One unrecorded burst first: an IdP's burst meets a gateway (and a Postman) that has been running, not a cold JIT.
      for (Variant warm : new Variant[] {Variant.CREATES, Variant.CLUSTER_CREATES}) {
        Run warmUp = burst(client, warm, "warm-" + warm.ordinal());
        Bench.log(String.format("burst warm-up %s (not recorded) %.2f s, statuses %s", warm, warmUp.completionSeconds(),
            warmUp.idpStatuses()));
      }
      int batch = 0;
      for (int rep = 0; rep < repetitions; rep++) {
        for (Variant variant : Variant.values()) {
          batch++;
          Run run = burst(client, variant, "b" + batch);
          result.runs.add(run);
          Bench.log(String.format("burst rep %d/%d %-11s %6.2f s  upstream 429s %d  IdP failures %d  created %d  statuses %s",
              rep + 1, repetitions, variant, run.completionSeconds(), run.upstream429(), run.idpFailures(), run.created(),
              run.idpStatuses()));
        }
        GroupPush push = groupPush(client, "p" + rep);
        result.pushes.add(push);
        Bench.log(String.format("group push rep %d/%d %6.2f s  upstream calls %d  429s %d  members stored %d  statuses %s",
            rep + 1, repetitions, push.completionSeconds(), push.upstreamCalls(), push.upstream429(), push.storedMembers(),
            push.idpStatuses()));
      }
    } finally {
      client.close();
      await(vertx.close());
    }
    return result;
  }

  /** The replicas of {@link Variant#CLUSTER_CREATES}, each its own process. */
  private final class Replicas implements AutoCloseable {
    final List<Child> children = new ArrayList<>();

    Replicas(int redisPort) {
      for (int i = 0; i < REPLICAS; i++) {
        replicaPorts[i] = Net.freePort();
        children.add(stack.gateway("gateway-replica-" + i, replicaPorts[i], simulatorPort, gatewayBudgetYaml(),
            "requestTimeoutMillis: " + SERVER_TIMEOUT_MILLIS, Stack.cluster(REPLICAS, redisPort), List.of(), true));
      }
    }

    @Override
    public void close() {
      children.forEach(Child::close);
    }
  }

  private Run burst(WebClient client, Variant variant, String batch) {
    // A fresh Postman (no users, empty windows), and the gateway's own budget drained of the last burst.
    check(Net.send("POST", Net.url(simulatorPort, "/_simulator/reset"), null, null), 204);
    Net.sleep(WINDOW_SECONDS * 1000L + 500);
    boolean direct = variant == Variant.DIRECT;
    int[] gateways = variant == Variant.CLUSTER_CREATES ? replicaPorts : new int[] {gatewayPort};
    double rejectedBefore = direct ? 0 : metric("scim_gateway_budget_rejected_total", gateways);
    double upstreamSumBefore = direct ? 0 : metric("scim_gateway_upstream_requests_seconds_sum", gateways);
    double upstreamCountBefore = direct ? 0 : metric("scim_gateway_upstream_requests_seconds_count", gateways);
    boolean cluster = variant == Variant.CLUSTER_CREATES;
    long redisCommandsBefore = cluster ? redisCommands() : 0;
    Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
    Map<Integer, Long> statuses = new TreeMap<>();
    List<Future<Integer>> done = new ArrayList<>();
    long start = System.nanoTime();
    long[] last = {start};
    long[] first = {Long.MAX_VALUE};
    for (int n = 0; n < REQUESTS; n++) {
      int i = n;
      String userName = batch + "-person" + i + "@example.com";
      long sent = System.nanoTime();
      Future<Integer> status = switch (variant) {
        case CREATES -> send(client, gatewayPort, HttpMethod.POST, Stack.usersPath(), Stack.BEARER, user(userName, i));
        case CLUSTER_CREATES -> send(client, gateways[i % gateways.length], HttpMethod.POST, Stack.usersPath(), Stack.BEARER,
            user(userName, i));
        case DIRECT -> send(client, simulatorPort, HttpMethod.POST, "/scim/v2/Users", "Bearer " + Stack.API_KEY, user(userName, i));
        case ASSIGNMENTS -> send(client, gatewayPort, HttpMethod.GET, Stack.usersPath() + "?filter="
            + URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8).replace("+", "%20")
            + "&startIndex=1&count=100", Stack.BEARER, null)
            .compose(lookUp -> lookUp == 200
                ? send(client, gatewayPort, HttpMethod.POST, Stack.usersPath(), Stack.BEARER, user(userName, i))
                : Future.succeededFuture(lookUp));
      };
      done.add(status.otherwise(-1).andThen(outcome -> {
        long now = System.nanoTime();
        synchronized (latencies) {
          latencies.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(now - sent)));
          statuses.merge(outcome.result(), 1L, Long::sum);
          last[0] = Math.max(last[0], now);
          first[0] = Math.min(first[0], now);
        }
      }));
    }
    await(Future.join(done));
    double completion = (last[0] - start) / 1e9;
    JsonObject stats = new JsonObject(check(Net.get(Net.url(simulatorPort, "/_simulator/stats")), 200).body());
    int created = new JsonArray(check(Net.get(Net.url(simulatorPort, "/_simulator/users")), 200).body()).size();
    int upstreamCalls = new JsonArray(check(Net.get(Net.url(simulatorPort, "/_simulator/requests")), 200).body()).size();
    long failures = statuses.entrySet().stream().filter(e -> e.getKey() != 201).mapToLong(Map.Entry::getValue).sum();
    double rejected = direct ? 0 : metric("scim_gateway_budget_rejected_total", gateways) - rejectedBefore;
    double upstreamCount = direct ? 0 : metric("scim_gateway_upstream_requests_seconds_count", gateways) - upstreamCountBefore;
    double meanUpstream = upstreamCount == 0 ? Double.NaN
        : (metric("scim_gateway_upstream_requests_seconds_sum", gateways) - upstreamSumBefore) / upstreamCount * 1000;
    double redisPerRequest = cluster ? (redisCommands() - redisCommandsBefore - 1) / (double) REQUESTS : Double.NaN;
    return new Run(variant, REQUESTS, completion, stats.getLong("rateLimitedCount"), failures, statuses,
        latencies.getValueAtPercentile(50) / 1000.0, latencies.getValueAtPercentile(99) / 1000.0,
        latencies.getMaxValue() / 1000.0, stats.getInteger("maxWritesInAnyWindow"), stats.getInteger("maxReadsInAnyWindow"),
        created, rejected, upstreamCalls, (first[0] - start) / 1e9, meanUpstream, redisPerRequest);
  }

  /** A burst of creates makes the members; then the push is timed against what is left of the budget. */
  private GroupPush groupPush(WebClient client, String batch) {
    burst(client, Variant.CREATES, batch);
    List<String> ids = new ArrayList<>();
    new JsonArray(check(Net.get(Net.url(simulatorPort, "/_simulator/users")), 200).body())
        .forEach(user -> ids.add(((JsonObject) user).getString("id")));
    int callsBefore = new JsonArray(check(Net.get(Net.url(simulatorPort, "/_simulator/requests")), 200).body()).size();
    long rateLimitedBefore = new JsonObject(check(Net.get(Net.url(simulatorPort, "/_simulator/stats")), 200).body())
        .getLong("rateLimitedCount");
    Map<Integer, Long> statuses = new TreeMap<>();
    String groups = Stack.usersPath().replace("/Users", "/Groups");
    long start = System.nanoTime();
    HttpResponse<Buffer> created = await(client.request(HttpMethod.POST, gatewayPort, Net.HOST, groups)
        .putHeader("Authorization", Stack.BEARER).putHeader("Content-Type", "application/scim+json")
        .timeout(SERVER_TIMEOUT_MILLIS).sendBuffer(Buffer.buffer(new JsonObject()
            .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:Group"))
            .put("displayName", "Push " + batch).put("members", new JsonArray()).encode())));
    statuses.merge(created.statusCode(), 1L, Long::sum);
    String groupId = created.bodyAsJsonObject().getString("id");
    int requests = 1;
    for (int from = 0; from < PUSH_MEMBERS && from < ids.size(); from += PUSH_BATCH) {
      JsonArray members = new JsonArray();
      ids.subList(from, Math.min(ids.size(), from + PUSH_BATCH)).forEach(id -> members.add(new JsonObject().put("value", id)));
      JsonObject patch = new JsonObject()
          .put("schemas", new JsonArray().add("urn:ietf:params:scim:api:messages:2.0:PatchOp"))
          .put("Operations", new JsonArray()
              .add(new JsonObject().put("op", "replace").put("value", new JsonObject().put("id", groupId).put("displayName", "Push " + batch)))
              .add(new JsonObject().put("op", "add").put("path", "members").put("value", members)));
      statuses.merge(await(send(client, gatewayPort, HttpMethod.PATCH, groups + "/" + groupId, Stack.BEARER, patch.encode())), 1L,
          Long::sum);
      requests++;
    }
    double completion = (System.nanoTime() - start) / 1e9;
    int calls = new JsonArray(check(Net.get(Net.url(simulatorPort, "/_simulator/requests")), 200).body()).size() - callsBefore;
    long rateLimited = new JsonObject(check(Net.get(Net.url(simulatorPort, "/_simulator/stats")), 200).body())
        .getLong("rateLimitedCount") - rateLimitedBefore;
    JsonArray stored = new JsonArray(check(Net.get(Net.url(simulatorPort, "/_simulator/groups")), 200).body());
    int members = stored.isEmpty() ? 0 : stored.getJsonObject(0).getJsonArray("members", new JsonArray()).size();
    return new GroupPush(requests, completion, rateLimited, calls, members, statuses);
  }

  private static Future<Integer> send(WebClient client, int port, HttpMethod method, String path, String authorization,
      String body) {
    var request = client.request(method, port, Net.HOST, path)
        .putHeader("Authorization", authorization)
        .timeout(SERVER_TIMEOUT_MILLIS + 30_000L);
    Future<HttpResponse<Buffer>> response = body == null
        ? request.send()
        : request.putHeader("Content-Type", "application/scim+json").sendBuffer(Buffer.buffer(body));
    return response.map(HttpResponse::statusCode);
  }

  /**
   * The commands Redis has processed (its {@code INFO stats}), asked with redis-cli, which comes with
   * redis-server; the asking itself is one command.
   */
  private long redisCommands() {
    try {
      Process cli = new ProcessBuilder("redis-cli", "-h", Net.HOST, "-p", String.valueOf(redisPort), "INFO", "stats")
          .redirectErrorStream(true).start();
      String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      cli.waitFor(10, TimeUnit.SECONDS);
      return out.lines().filter(line -> line.startsWith("total_commands_processed:"))
          .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim())).findFirst()
          .orElseThrow(() -> new IllegalStateException("redis-cli INFO stats said: " + out));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot run redis-cli: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The sum of a counter's series in the /metrics of {@code gateways}. */
  private static double metric(String name, int... gateways) {
    double sum = 0;
    for (int port : gateways) {
      String text = check(Net.get(Net.url(port, "/metrics")), 200).body();
      for (String line : text.split("\n")) {
        if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return sum;
  }

  private static String user(String userName, int i) {
    return new JsonObject().put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
        .put("userName", userName)
        .put("name", new JsonObject().put("givenName", "Burst").put("familyName", "Person" + i))
        .put("externalId", "burst-" + i).put("active", true).encode();
  }

  private static Net.Response check(Net.Response response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException("expected " + status + ", got " + response.status() + ": " + response.body());
    }
    return response;
  }

  /** Waits on the orchestrator's main thread (a plain program driving processes; never an event loop). */
  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("did not complete: " + e, e);
    }
  }
}
