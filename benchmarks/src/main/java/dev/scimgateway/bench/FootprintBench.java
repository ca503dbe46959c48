package dev.scimgateway.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 4: start-up time to {@code /ready}, heap with 100,000 ids cached, memory. The gateway runs
 * with {@code distribution/jvm.options} and no {@code -Xmx}; heap figures are taken after a full GC.
 */
final class FootprintBench {

  static final int CACHED_USERS = 100_000;

  static final class Result {
    final List<Double> startupMillis = new ArrayList<>();
    final List<Double> warmStartupMillis = new ArrayList<>();
    long emptyHeapUsedKb;
    long emptyLiveBytes;
    long emptyRssKb;
    long warmHeapUsedKb;
    long warmLiveBytes;
    long warmRssKb;
    long cachedIds;
    List<String> warmTopClasses = List.of();
    int repetitions;
    /** Launches during which a readiness poll got no answer (a request on a connection made as the port opened hung). */
    int launchesWithHungPoll;
    int launches;
  }

  private final Stack stack;
  private final int repetitions;

  FootprintBench(Stack stack, int repetitions) {
    this.stack = stack;
    this.repetitions = repetitions;
  }

  Result run() {
    Result result = new Result();
    result.repetitions = repetitions;
    int upstreamPort = Net.freePort();
    try (Child upstream = stack.upstream(upstreamPort, CACHED_USERS)) {
      launches(result, "gateway-startup", Stack.noThrottle(), result.startupMillis, Duration.ofMinutes(2), (gateway, port) -> {
        result.emptyHeapUsedKb = Jcmd.heapUsedAfterGcKb(gateway.pid());
        result.emptyLiveBytes = Jcmd.liveHistogram(gateway.pid(), 0).totalBytes();
        result.emptyRssKb = gateway.rssKb();
      }, upstreamPort);
      String warmUp = Stack.noThrottle() + "\nidCache:\n  maxSize: " + (CACHED_USERS * 2) + "\n  warmUp: true";
      launches(result, "gateway-warm", warmUp, result.warmStartupMillis, Duration.ofMinutes(5), (gateway, port) -> {
        result.cachedIds = cacheSize(port);
        result.warmHeapUsedKb = Jcmd.heapUsedAfterGcKb(gateway.pid());
        Jcmd.Histogram histogram = Jcmd.liveHistogram(gateway.pid(), 8);
        result.warmLiveBytes = histogram.totalBytes();
        result.warmTopClasses = histogram.top();
        result.warmRssKb = gateway.rssKb();
      }, upstreamPort);
    }
    return result;
  }

  private interface Measure {
    void on(Child gateway, int port);
  }

  /**
   * Launches the gateway until {@code repetitions} launches were ready without a readiness poll that got no
   * answer (at most twice as many launches); measures the last clean one.
   */
  private void launches(Result result, String name, String postman, List<Double> millisOut, Duration timeout,
      Measure measure, int upstreamPort) {
    int clean = 0;
    for (int i = 0; i < 2 * repetitions && clean < repetitions; i++) {
      int port = Net.freePort();
      try (Child gateway = stack.gateway(name + "-" + i, port, upstreamPort, postman, "", List.of(), false)) {
        int hungBefore = Net.HUNG_POLLS.get();
        double millis = Stack.awaitGatewayReady(gateway, port, timeout);
        result.launches++;
        if (Net.HUNG_POLLS.get() > hungBefore) {
          result.launchesWithHungPoll++;
          Bench.log(String.format("footprint: %s ready after %.0f ms, but a readiness poll got no answer (see %s);"
              + " not counted", name, millis, gateway.stderr));
          continue;
        }
        clean++;
        millisOut.add(millis);
        Bench.log(String.format("footprint: %s ready after %.0f ms", name, millis));
        if (clean == repetitions) {
          measure.on(gateway, port);
        }
      }
    }
    if (clean < repetitions) {
      throw new IllegalStateException(name + ": only " + clean + " of " + 2 * repetitions + " launches were ready without a hung poll");
    }
  }

  /** {@code cache_size} of the by-id cache from /metrics. */
  private static long cacheSize(int port) {
    String text = Net.get(Net.url(port, "/metrics")).body();
    for (String line : text.split("\n")) {
      if (line.startsWith("cache_size{") && line.contains("cache=\"postman.users.by.id\"")) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return -1;
  }
}
