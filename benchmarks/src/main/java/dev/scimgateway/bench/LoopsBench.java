package dev.scimgateway.bench;

import dev.scimgateway.bench.OverheadBench.Op;
import dev.scimgateway.bench.OverheadBench.Route;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Benchmark 6: throughput against the number of event loops. The gateway is started with
 * {@code server.eventLoops} of 1, 2 and the machine's cores (each count once) in front of the fixed-answer
 * upstream, and wrk drives {@code GET /Users/{id}} and {@code POST /Users} at 16 connections; the loop counts
 * of a repetition run one after the other, in an order that rotates between repetitions.
 */
final class LoopsBench {

  static final int CONNECTIONS = 16;

  record Cell(Op op, int loops) {}

  static final class Result {
    final List<Integer> loops = new ArrayList<>();
    final Map<Cell, List<Double>> rps = new LinkedHashMap<>();
    final Map<Cell, List<Double>> cpuMicros = new LinkedHashMap<>();
    int repetitions;
    int seconds;
    int cores;
    int unclean;

    double medianRps(Op op, int loops) {
      return Stats.median(rps.getOrDefault(new Cell(op, loops), List.of()));
    }

    double medianCpu(Op op, int loops) {
      return Stats.median(cpuMicros.getOrDefault(new Cell(op, loops), List.of()));
    }

    /** The median over repetitions of this loop count's throughput over one loop's, same repetition. */
    double speedUp(Op op, int loops) {
      List<Double> top = rps.getOrDefault(new Cell(op, loops), List.of());
      List<Double> one = rps.getOrDefault(new Cell(op, 1), List.of());
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < Math.min(top.size(), one.size()); i++) {
        ratios.add(top.get(i) / one.get(i));
      }
      return Stats.median(ratios);
    }
  }

  private final Stack stack;
  private final Wrk wrk;
  private final int repetitions;
  private final int seconds;
  private final int warmUpSeconds;
  private final int cores;

  LoopsBench(Stack stack, int repetitions, int seconds, int warmUpSeconds, int cores) {
    this.stack = stack;
    this.wrk = new Wrk(stack.work);
    this.repetitions = repetitions;
    this.seconds = seconds;
    this.warmUpSeconds = warmUpSeconds;
    this.cores = cores;
  }

  /** 1, 2 and {@code cores}, each once, in increasing order. */
  static List<Integer> loopCounts(int cores) {
    return List.copyOf(new TreeSet<>(List.of(1, 2, Math.max(1, cores))));
  }

  Result run() {
    Result result = new Result();
    result.repetitions = repetitions;
    result.seconds = seconds;
    result.cores = cores;
    result.loops.addAll(loopCounts(cores));
    int upstreamPort = Net.freePort();
    Path post = wrk.postScript("post-user-loops", OverheadBench.OKTA_CREATE);
    try (Child upstream = stack.upstream(upstreamPort, 1000)) {
      Map<Integer, Child> gateways = new LinkedHashMap<>();
      Map<Integer, Integer> ports = new LinkedHashMap<>();
      try {
        for (int loops : result.loops) {
          int port = Net.freePort();
          ports.put(loops, port);
          gateways.put(loops, stack.gateway("gateway-loops-" + loops, port, upstreamPort, Stack.noThrottle(),
              "eventLoops: " + loops, List.of(), true));
        }
        for (int loops : result.loops) {
          Bench.log("loops: warming up the gateway on " + loops + " event loops (" + 2 * warmUpSeconds + " s per operation)");
          for (Op op : Op.values()) {
            wrk.run(url(op, ports.get(loops)), CONNECTIONS, 2 * warmUpSeconds, Stack.BEARER, op == Op.POST ? post : null);
          }
        }
        for (int rep = 0; rep < repetitions; rep++) {
          for (Op op : Op.values()) {
            for (int k = 0; k < result.loops.size(); k++) {
              int loops = result.loops.get((k + rep) % result.loops.size());
              Child gateway = gateways.get(loops);
              long cpuBefore = gateway.cpuNanos();
              Wrk.Result run = wrk.run(url(op, ports.get(loops)), CONNECTIONS, seconds, Stack.BEARER, op == Op.POST ? post : null);
              double cpu = (gateway.cpuNanos() - cpuBefore) / 1e3 / Math.max(1, run.requests());
              Cell cell = new Cell(op, loops);
              result.rps.computeIfAbsent(cell, c -> new ArrayList<>()).add(run.requestsPerSecond());
              result.cpuMicros.computeIfAbsent(cell, c -> new ArrayList<>()).add(cpu);
              if (!run.clean()) {
                result.unclean++;
              }
              Bench.log(String.format("loops rep %d/%d %-4s loops=%-2d %,10.0f req/s  p50 %.2f ms  cpu %s µs/req%s",
                  rep + 1, repetitions, op, loops, run.requestsPerSecond(), run.p50Ms(), Stats.f1(cpu),
                  run.clean() ? "" : "  (errors " + run.errors() + ", non-2xx " + run.non2xx() + ")"));
            }
          }
        }
      } finally {
        gateways.values().forEach(Child::close);
      }
    }
    return result;
  }

  private static String url(Op op, int port) {
    return OverheadBench.url(Route.GATEWAY, op, port);
  }
}
