package dev.scimgateway.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Benchmark 1: the cost of putting the gateway in the path. wrk drives {@code GET /Users/{id}} and
 * {@code POST /Users} at 1, 16 and 64 connections (and at 64 paced below saturation) against the paths to the
 * same fixed-answer upstream: directly, through nginx, through a bare Vert.x pass-through on the gateway's stack
 * ({@link VertxProxy}), through the gateway with the Postman adapter and through the gateway with the generic
 * {@code scim} adapter. Every repetition runs every cell of the paths one after the other (the order of the paths
 * rotates), so ratios come from the same repetition.
 */
final class OverheadBench {

  /**
   * The paths to the upstream; {@code PROXY} is nginx, {@code VERTX_PROXY} the {@link VertxProxy} (the floor of the
   * gateway's stack), {@code GATEWAY_SCIM} the gateway with the generic {@code scim} adapter, {@code GATEWAY_BEFORE}
   * the gateway built from a baseline revision (only when one was built).
   */
  enum Route {
    DIRECT, PROXY, VERTX_PROXY, GATEWAY, GATEWAY_SCIM, GATEWAY_BEFORE;

    boolean throughGateway() {
      return this == GATEWAY || this == GATEWAY_SCIM || this == GATEWAY_BEFORE;
    }

    /** Whether the path's middle is a JVM, whose JIT needs the longer warm-up. */
    boolean javaInThePath() {
      return throughGateway() || this == VERTX_PROXY;
    }
  }

  enum Op { GET, POST }

  static final int[] CONNECTIONS = {1, 16, 64};

  /**
   * The load below saturation: {@value #PACED_CONNECTIONS} connections, each waiting a random 0 to
   * 2 × {@value #PACED_MEAN_DELAY_MILLIS} ms between an answer and its next request (about 2,000 requests a second
   * in all, a fifth of what the gateway serves here), so that latency is the path's own and not the queue of
   * saturated cores; random, so that the connections do not fall into step and arrive in bursts.
   */
  static final int PACED_CONNECTIONS = 64;
  static final int PACED_MEAN_DELAY_MILLIS = 32;

  static final String OKTA_CREATE = """
      {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"jane.doe@example.com",\
      "name":{"givenName":"Jane","familyName":"Doe"},\
      "emails":[{"primary":true,"value":"jane.doe@example.com","type":"work"}],\
      "displayName":"Jane Doe","locale":"en-US","externalId":"00u1abcd","groups":[],"active":true}""";

  record Cell(Op op, int connections, Route route) {}

  /** Every repetition's wrk result per cell, and what was sampled on the side. */
  static final class Result {
    final Map<Cell, List<Wrk.Result>> runs = new LinkedHashMap<>();
    /** The paced runs ({@link #PACED_CONNECTIONS}), by operation and path. */
    final Map<Cell, List<Wrk.Result>> paced = new LinkedHashMap<>();
    /** CPU microseconds per request of the process in the path (nginx with its workers, the gateway); none for direct. */
    final Map<Cell, List<Double>> pathCpuMicros = new LinkedHashMap<>();
    /** CPU microseconds per request of the upstream. */
    final Map<Cell, List<Double>> upstreamCpuMicros = new LinkedHashMap<>();
    final List<Long> gatewayRssKb = new ArrayList<>();
    /** The revision {@link Route#GATEWAY_BEFORE} was built from, if it ran. */
    String baselineRevision;
    long gatewayRssAt64Kb = -1;
    long gatewayPeakRssKb = -1;
    long gatewayIdleRssKb = -1;
    int repetitions;
    int seconds;
    int unclean;

    List<Wrk.Result> of(Op op, int connections, Route route) {
      return runs.getOrDefault(new Cell(op, connections, route), List.of());
    }

    List<Wrk.Result> paced(Op op, Route route) {
      return paced.getOrDefault(new Cell(op, PACED_CONNECTIONS, route), List.of());
    }

    double medianRps(Op op, int c, Route r) {
      return median(of(op, c, r), Wrk.Result::requestsPerSecond);
    }

    double medianP50(Op op, int c, Route r) {
      return median(of(op, c, r), Wrk.Result::p50Ms);
    }

    double medianP99(Op op, int c, Route r) {
      return median(of(op, c, r), Wrk.Result::p99Ms);
    }

    /** The median of one of the results' measures. */
    static double median(List<Wrk.Result> results, ToDoubleFunction<Wrk.Result> value) {
      return Stats.median(measure(results, value));
    }

    double medianPathCpu(Op op, int c, Route r) {
      return Stats.median(pathCpuMicros.getOrDefault(new Cell(op, c, r), List.of()));
    }

    double medianUpstreamCpu(Op op, int c, Route r) {
      return Stats.median(upstreamCpuMicros.getOrDefault(new Cell(op, c, r), List.of()));
    }

    /** The median over repetitions of the ratio of a gateway's CPU per request to nginx's, same repetition. */
    double cpuRatio(Op op, int c, Route route) {
      return cpuRatio(op, c, route, Route.PROXY);
    }

    /** The median over repetitions of the ratio of two paths' CPU per request, same repetition. */
    double cpuRatio(Op op, int c, Route numerator, Route denominator) {
      return pairwise(pathCpu(op, c, numerator), pathCpu(op, c, denominator), (top, bottom) -> top / bottom);
    }

    /** The median over repetitions of the difference of two paths' CPU per request, same repetition, in µs. */
    double cpuDifference(Op op, int c, Route minuend, Route subtrahend) {
      return pairwise(pathCpu(op, c, minuend), pathCpu(op, c, subtrahend), (top, bottom) -> top - bottom);
    }

    /** The median over repetitions of the ratio of throughputs measured in the same repetition. */
    double ratio(Op op, int c, Route numerator, Route denominator) {
      return pairwise(measure(of(op, c, numerator), Wrk.Result::requestsPerSecond),
          measure(of(op, c, denominator), Wrk.Result::requestsPerSecond), (top, bottom) -> top / bottom);
    }

    /** The median over repetitions of the p50 difference measured in the same repetition, in ms. */
    double addedP50(Op op, int c, Route route, Route baseline) {
      return pairwise(measure(of(op, c, route), Wrk.Result::p50Ms), measure(of(op, c, baseline), Wrk.Result::p50Ms),
          (top, bottom) -> top - bottom);
    }

    /** As {@link #addedP50}, of the paced runs. */
    double addedPacedP50(Op op, Route route, Route baseline) {
      return pairwise(measure(paced(op, route), Wrk.Result::p50Ms), measure(paced(op, baseline), Wrk.Result::p50Ms),
          (top, bottom) -> top - bottom);
    }

    private List<Double> pathCpu(Op op, int c, Route route) {
      return pathCpuMicros.getOrDefault(new Cell(op, c, route), List.of());
    }

    private static List<Double> measure(List<Wrk.Result> results, ToDoubleFunction<Wrk.Result> value) {
      return results.stream().map(value::applyAsDouble).toList();
    }

    /** The median of {@code combine} applied to the values of the same repetition. */
    private static double pairwise(List<Double> top, List<Double> bottom, DoubleBinaryOperator combine) {
      List<Double> combined = new ArrayList<>();
      for (int i = 0; i < Math.min(top.size(), bottom.size()); i++) {
        combined.add(combine.applyAsDouble(top.get(i), bottom.get(i)));
      }
      return Stats.median(combined);
    }
  }

  private final Stack stack;
  private final Wrk wrk;
  private final int repetitions;
  private final int seconds;
  private final int warmUpSeconds;

  /**
   * A gateway's JIT spends about a minute of CPU compiling before its throughput settles on these 2 shared cores
   * (measured with {@code jstat -compiler}); a shorter warm-up leaves the first repetition at half speed.
   */
  static final int GATEWAY_WARM_UP_FACTOR = 4;

  OverheadBench(Stack stack, int repetitions, int seconds, int warmUpSeconds) {
    this.stack = stack;
    this.wrk = new Wrk(stack.work);
    this.repetitions = repetitions;
    this.seconds = seconds;
    this.warmUpSeconds = warmUpSeconds;
  }

  Result run() {
    Result result = new Result();
    result.repetitions = repetitions;
    result.seconds = seconds;
    int upstreamPort = Net.freePort();
    int nginxPort = Net.freePort();
    int vertxProxyPort = Net.freePort();
    int gatewayPort = Net.freePort();
    int scimGatewayPort = Net.freePort();
    int baselinePort = Net.freePort();
    List<Route> routes = stack.baseline.isPresent() ? List.of(Route.values())
        : List.of(Route.DIRECT, Route.PROXY, Route.VERTX_PROXY, Route.GATEWAY, Route.GATEWAY_SCIM);
    result.baselineRevision = stack.baseline.map(Stack.Baseline::revision).orElse(null);
    Path post = wrk.postScript("post-user", OKTA_CREATE);
    Path pacedGet = wrk.pacedScript("paced-get", null, PACED_MEAN_DELAY_MILLIS);
    Path pacedPost = wrk.pacedScript("paced-post-user", OKTA_CREATE, PACED_MEAN_DELAY_MILLIS);
    try (Child upstream = stack.upstream(upstreamPort, 1000);
         Child nginx = Nginx.start(stack.work, nginxPort, upstreamPort);
         Child vertxProxy = stack.vertxProxy(vertxProxyPort, upstreamPort);
         Child gateway = stack.gateway("gateway-overhead", gatewayPort, upstreamPort, Stack.noThrottle(), "", List.of(), true);
         Child scimGateway = stack.scimGateway("gateway-scim-overhead", scimGatewayPort, upstreamPort,
             "resourceTypes: [User]\npatch: operations\n" + Stack.noThrottle(), "", List.of());
         Child baseline = stack.baseline.map(before -> stack.baselineGateway(before, "gateway-before-overhead", baselinePort,
             upstreamPort, Stack.noThrottle())).orElse(null)) {
      result.gatewayIdleRssKb = gateway.rssKb();
      Map<Route, Integer> ports = Map.of(Route.DIRECT, upstreamPort, Route.PROXY, nginxPort, Route.VERTX_PROXY, vertxProxyPort,
          Route.GATEWAY, gatewayPort, Route.GATEWAY_SCIM, scimGatewayPort, Route.GATEWAY_BEFORE, baselinePort);
      Bench.log("overhead: warming up each path (" + warmUpSeconds + " s per operation, " + GATEWAY_WARM_UP_FACTOR
          + " times that for a JVM's JIT)");
      for (Route route : routes) {
        for (Op op : Op.values()) {
          wrk.run(url(route, op, ports.get(route)), 16, route.javaInThePath() ? GATEWAY_WARM_UP_FACTOR * warmUpSeconds : warmUpSeconds,
              authorization(route), op == Op.POST ? post : null);
        }
      }
      for (int rep = 0; rep < repetitions; rep++) {
        for (Op op : Op.values()) {
          for (int connections : CONNECTIONS) {
            for (int k = 0; k < routes.size(); k++) {
              Route route = routes.get((k + rep) % routes.size());
              Child middle = switch (route) {
                case DIRECT -> null;
                case PROXY -> nginx;
                case VERTX_PROXY -> vertxProxy;
                case GATEWAY -> gateway;
                case GATEWAY_SCIM -> scimGateway;
                case GATEWAY_BEFORE -> baseline;
              };
              long middleBefore = middle == null ? 0 : middle.cpuNanos();
              long upstreamBefore = upstream.cpuNanos();
              Wrk.Result run = wrk.run(url(route, op, ports.get(route)), connections, seconds, authorization(route),
                  op == Op.POST ? post : null);
              double requests = Math.max(1, run.requests());
              Cell cell = new Cell(op, connections, route);
              result.upstreamCpuMicros.computeIfAbsent(cell, c -> new ArrayList<>())
                  .add((upstream.cpuNanos() - upstreamBefore) / 1e3 / requests);
              if (middle != null) {
                result.pathCpuMicros.computeIfAbsent(cell, c -> new ArrayList<>())
                    .add((middle.cpuNanos() - middleBefore) / 1e3 / requests);
              }
              if (!run.clean()) {
                result.unclean++;
              }
              result.runs.computeIfAbsent(new Cell(op, connections, route), c -> new ArrayList<>()).add(run);
              if (route == Route.GATEWAY) {
                long rss = gateway.rssKb();
                result.gatewayRssKb.add(rss);
                if (connections == 64) {
                  result.gatewayRssAt64Kb = Math.max(result.gatewayRssAt64Kb, rss);
                }
              }
              List<Double> cpu = result.pathCpuMicros.get(cell);
              Bench.log(String.format("overhead rep %d/%d %-4s c=%-2d %-7s %,10.0f req/s  p50 %.2f ms  p99 %.2f ms  cpu %s µs/req%s",
                  rep + 1, repetitions, op, connections, route, run.requestsPerSecond(), run.p50Ms(), run.p99Ms(),
                  middle == null ? "–" : Stats.f1(cpu.get(cpu.size() - 1)),
                  run.clean() ? "" : "  (errors " + run.errors() + ", non-2xx " + run.non2xx() + ")"));
            }
          }
          for (int k = 0; k < routes.size(); k++) {
            Route route = routes.get((k + rep) % routes.size());
            Wrk.Result run = wrk.run(url(route, op, ports.get(route)), PACED_CONNECTIONS, seconds, authorization(route),
                op == Op.POST ? pacedPost : pacedGet);
            if (!run.clean()) {
              result.unclean++;
            }
            result.paced.computeIfAbsent(new Cell(op, PACED_CONNECTIONS, route), c -> new ArrayList<>()).add(run);
            Bench.log(String.format("overhead rep %d/%d %-4s c=%d paced %-7s %,10.0f req/s  p50 %.2f ms  p99 %.2f ms%s",
                rep + 1, repetitions, op, PACED_CONNECTIONS, route, run.requestsPerSecond(), run.p50Ms(), run.p99Ms(),
                run.clean() ? "" : "  (errors " + run.errors() + ", non-2xx " + run.non2xx() + ")"));
          }
        }
      }
      result.gatewayPeakRssKb = gateway.peakRssKb();
    }
    return result;
  }

  static String url(Route route, Op op, int port) {
    String path = switch (route) {
      case DIRECT, PROXY, VERTX_PROXY -> "/scim/v2/Users";
      case GATEWAY, GATEWAY_SCIM, GATEWAY_BEFORE -> Stack.usersPath();
    };
    return Net.url(port, op == Op.GET ? path + "/" + FixedUpstream.id(42) : path);
  }

  /** The gateway gets the tenant's token; direct and proxied requests carry Postman's key. */
  static String authorization(Route route) {
    return route.throughGateway() ? Stack.BEARER : "Bearer " + Stack.API_KEY;
  }
}
