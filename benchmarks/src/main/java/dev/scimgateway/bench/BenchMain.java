package dev.scimgateway.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of the benchmarks jar.
 *
 * <pre>
 * run --repo DIR --out FILE [--reps N] [--seconds S] [--only overhead,efficiency,burst,footprint,profile,loops] [--work DIR]
 *     the whole suite (what bench/run.sh calls); writes the report to FILE; processes run from copies of the
 *     jars in the work directory (a new temporary one by default)
 * upstream --port P [--users N]
 *     the fixed-answer upstream (started by the suite as a process of its own)
 * vertx-proxy --port P --upstream PORT
 *     the Vert.x pass-through proxy in front of the upstream on 127.0.0.1:PORT, the floor of the gateway's stack
 * jfr-summary FILE.jfr
 *     the hot-path summary of a JFR recording
 * </pre>
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
      return;
    }
    Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
    switch (args[0]) {
      case "upstream" -> FixedUpstream.main(Integer.parseInt(options.getOrDefault("port", "0")),
          Integer.parseInt(options.getOrDefault("users", "1000")));
      case "vertx-proxy" -> VertxProxy.main(Integer.parseInt(options.getOrDefault("port", "0")),
          Integer.parseInt(options.get("upstream")));
      case "run" -> {
        Bench bench = new Bench(Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize(),
            Path.of(options.getOrDefault("out", "docs/BENCHMARKS.md")),
            Integer.parseInt(options.getOrDefault("reps", "3")),
            Integer.parseInt(options.getOrDefault("seconds", "8")),
            options.getOrDefault("only", "overhead,efficiency,burst,footprint,profile,loops"),
            options.getOrDefault("command", "bench/run.sh"),
            options.containsKey("work") ? Path.of(options.get("work")).toAbsolutePath()
                : java.nio.file.Files.createTempDirectory("scim-gateway-bench-"));
        bench.run();
        System.exit(0);
      }
      case "jfr-summary" -> System.out.println(Profile.summarize(Path.of(args[1])).markdown());
      default -> usage();
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i].substring(2), args[++i]);
      }
    }
    return options;
  }

  private static void usage() {
    System.err.println("usage: BenchMain run --repo DIR --out FILE [--reps N] [--seconds S] [--only LIST]"
        + " | upstream --port P [--users N] | vertx-proxy --port P --upstream PORT | jfr-summary FILE.jfr");
    System.exit(2);
  }
}
