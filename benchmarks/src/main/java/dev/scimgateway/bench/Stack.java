package dev.scimgateway.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.StandardCopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Starts the pieces the benchmarks need, each as its own process on 127.0.0.1. */
final class Stack {

  static final String TENANT = "bench";
  static final String TOKEN = "bench-idp-token-0123456789";
  static final String BEARER = "Bearer " + TOKEN;
  static final String API_KEY = "PMAK-bench-upstream-key";

  final Path repo;
  final Path work;
  final Path gatewayJar;
  /** The gateway built from an earlier revision (bench/run.sh's {@code BENCH_BASELINE}), if one was built. */
  final Optional<Baseline> baseline;
  final Path benchJar;
  /** {@code distribution/jvm.options}, what operators run the gateway with, for every process whose cost is measured. */
  final Path jvmOptions;
  final String java;

  /**
   * Copies the gateway's jar, its JVM options and this suite's jar into {@code work} and runs every process from the copies:
   * other builds in the same work tree (the machine is shared) may replace {@code target/} while the suite runs.
   */
  Stack(Path repo, Path work) {
    this.repo = repo;
    this.work = work;
    this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try {
      Files.createDirectories(work);
      this.gatewayJar = copy(repo.resolve("distribution/target/scim-gateway.jar"), work.resolve("scim-gateway.jar"));
      Path own = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      this.benchJar = own.toString().endsWith(".jar")
          ? copy(own, work.resolve("scim-gateway-benchmarks.jar"))
          : copy(repo.resolve("benchmarks/target/scim-gateway-benchmarks.jar"), work.resolve("scim-gateway-benchmarks.jar"));
      this.jvmOptions = copy(repo.resolve("distribution/jvm.options"), work.resolve("jvm.options"));
      this.baseline = Baseline.in(work);
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot prepare " + work + ": " + e.getMessage(), e);
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    if (from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
      return to;
    }
    if (!Files.isRegularFile(from)) {
      throw new IllegalStateException(from + " is missing: build with mvn -B -q -DskipTests package");
    }
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    return to;
  }

  /** The fixed-answer upstream (see {@link FixedUpstream}); ready when it answers a read. */
  Child upstream(int port, int users) {
    return benchProcess("upstream", port, "--users", String.valueOf(users));
  }

  /**
   * The {@link VertxProxy} in front of the upstream at {@code upstreamPort}, on the gateway's JVM options so that the
   * two are compared on one runtime; ready when a read passes through it.
   */
  Child vertxProxy(int port, int upstreamPort) {
    return benchProcess("vertx-proxy", port, List.of(jvmOptionsArgument()), "--upstream", String.valueOf(upstreamPort));
  }

  /** {@code BenchMain command --port port options…} of this suite's jar, ready when it answers a user's read. */
  private Child benchProcess(String command, int port, String... options) {
    return benchProcess(command, port, List.of(), options);
  }

  private Child benchProcess(String command, int port, List<String> jvmArgs, String... options) {
    List<String> line = new ArrayList<>(List.of(java));
    line.addAll(jvmArgs);
    line.addAll(List.of("-cp", benchJar.toString(), "dev.scimgateway.bench.BenchMain", command, "--port", String.valueOf(port)));
    line.addAll(List.of(options));
    Child child = Child.start(command + "-" + port, work, line, null);
    Net.awaitOk(Net.url(port, "/scim/v2/Users/" + FixedUpstream.id(1)), null, Duration.ofSeconds(60), child);
    return child;
  }

  /** The Postman simulator from the gateway's jar, with its budget; ready when its control API answers. */
  Child simulator(int port, int writes, int reads, int windowSeconds) {
    Child child = Child.start("simulator-" + port, work, List.of(java, "-cp", gatewayJar.toString(),
        "dev.scimgateway.simulator.SimulatorMain", "--host", Net.HOST, "--port", String.valueOf(port),
        "--api-key", API_KEY, "--writes", String.valueOf(writes), "--reads", String.valueOf(reads),
        "--window-seconds", String.valueOf(windowSeconds)), null);
    Net.awaitOk(Net.url(port, "/_simulator/stats"), null, Duration.ofSeconds(60), child);
    return child;
  }

  /**
   * The gateway jar with one tenant {@value #TENANT} whose Postman is {@code upstreamPort}.
   *
   * @param postmanExtra YAML for the tenant's postman section, indented by 6 (rateLimit, idCache…)
   * @param jvmArgs e.g. JFR options, after those of {@link #jvmOptions}
   * @param awaitReady whether to wait for /ready
   */
  Child gateway(String name, int port, int upstreamPort, String postmanExtra, String serverExtra, List<String> jvmArgs,
      boolean awaitReady) {
    return gateway(name, port, upstreamPort, postmanExtra, serverExtra, "", jvmArgs, awaitReady);
  }

  /** As above, with {@code topLevelExtra} YAML at the top of the configuration (e.g. a {@code cluster} section). */
  Child gateway(String name, int port, int upstreamPort, String postmanExtra, String serverExtra, String topLevelExtra,
      List<String> jvmArgs, boolean awaitReady) {
    String adapter = """
        adapter: postman
        postman:
          baseUrl: "http://%s:%d/scim/v2"
          apiKey: "%s"
        %s""".formatted(Net.HOST, upstreamPort, API_KEY, postmanExtra.indent(2).stripTrailing());
    return launch(gatewayJar, name, port, adapter, serverExtra, topLevelExtra, jvmArgs, awaitReady);
  }

  /** The {@link #baseline} gateway, configured as {@link #gateway} configures this one. */
  Child baselineGateway(Baseline baseline, String name, int port, int upstreamPort, String postmanExtra) {
    String adapter = """
        adapter: postman
        postman:
          baseUrl: "http://%s:%d/scim/v2"
          apiKey: "%s"
        %s""".formatted(Net.HOST, upstreamPort, API_KEY, postmanExtra.indent(2).stripTrailing());
    return launch(baseline.jar(), name, port, adapter, "", "", List.of(), true);
  }

  /**
   * A gateway jar built from an earlier revision, to measure before and after in one run: bench/run.sh builds it as
   * {@code scim-gateway-baseline.jar} in the work directory and names its revision in {@code baseline.txt}.
   */
  record Baseline(Path jar, String revision) {

    static Optional<Baseline> in(Path work) throws IOException {
      Path jar = work.resolve("scim-gateway-baseline.jar");
      Path revision = work.resolve("baseline.txt");
      if (!Files.isRegularFile(jar) || !Files.isRegularFile(revision)) {
        return Optional.empty();
      }
      return Optional.of(new Baseline(jar, Files.readString(revision).strip()));
    }
  }

  /**
   * The gateway jar with one tenant {@value #TENANT} served by the generic {@code scim} adapter over the SCIM API at
   * {@code upstreamPort}, whose bearer token is {@link #API_KEY}.
   *
   * @param scimExtra YAML for the tenant's scim section, indented by 6 (rateLimit, patch, attributes…)
   */
  Child scimGateway(String name, int port, int upstreamPort, String scimExtra, String serverExtra, List<String> jvmArgs) {
    String adapter = """
        adapter: scim
        scim:
          baseUrl: "http://%s:%d/scim/v2"
          auth: { bearer: "%s" }
        %s""".formatted(Net.HOST, upstreamPort, API_KEY, scimExtra.indent(2).stripTrailing());
    return launch(gatewayJar, name, port, adapter, serverExtra, "", jvmArgs, true);
  }

  private Child launch(Path jar, String name, int port, String adapter, String serverExtra, String topLevelExtra,
      List<String> jvmArgs, boolean awaitReady) {
    String yaml = topLevelExtra + """

        server:
          host: %s
          port: %d
        %s
        tenants:
          %s:
            token: "%s"
        %s
        """.formatted(Net.HOST, port, serverExtra.indent(2).stripTrailing(), TENANT, TOKEN, adapter.indent(4).stripTrailing());
    Path config = work.resolve(name + ".yaml");
    try {
      Files.createDirectories(work);
      Files.writeString(config, yaml);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add(jvmOptionsArgument());
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", jar.toString(), "--config", config.toString()));
    Child child = Child.start(name, work, command, null);
    if (awaitReady) {
      awaitGatewayReady(child, port, Duration.ofMinutes(5));
    }
    return child;
  }

  /** {@code java @file}: the options in {@link #jvmOptions}, as the README's command and the Docker image pass them. */
  private String jvmOptionsArgument() {
    return "@" + jvmOptions;
  }

  /** Debian's redis-server without persistence, for replicas that share the budget; ready when it takes connections. */
  Child redis(int port) {
    Child child = Child.start("redis-" + port, work, List.of("redis-server", "--port", String.valueOf(port), "--bind", Net.HOST,
        "--save", "", "--appendonly", "no"), null);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try (java.net.Socket socket = new java.net.Socket(Net.HOST, port)) {
        return child;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline || !child.process.isAlive()) {
          throw new IllegalStateException("redis-server did not start on port " + port + " (is it installed?)");
        }
        Net.sleep(50);
      }
    }
  }

  /** The {@code cluster} section of replicas that share budgets through the Redis on {@code redisPort}. */
  static String cluster(int replicas, int redisPort) {
    return "cluster:\n  replicas: " + replicas + "\n  redis:\n    url: \"redis://" + Net.HOST + ":" + redisPort + "\"\n";
  }

  /** Waits for the gateway's /ready; the milliseconds from its launch. */
  static double awaitGatewayReady(Child gateway, int port, Duration timeout) {
    long ready = Net.awaitOk(Net.url(port, "/ready"), null, timeout, gateway);
    return (ready - gateway.startedNanos) / 1e6;
  }

  static String usersPath() {
    return "/scim/v2/" + TENANT + "/Users";
  }

  /** {@code rateLimit:} YAML for the tenant. */
  static String rateLimit(int reads, int writes, int perSeconds, int maxQueue, int maxWaitMillis) {
    return "rateLimit:\n  reads: " + reads + "\n  writes: " + writes + "\n  perSeconds: " + perSeconds
        + "\n  maxQueue: " + maxQueue + "\n  maxWaitMillis: " + maxWaitMillis;
  }

  /** A budget that never throttles (Postman's rate limits are not what the overhead benchmark measures). */
  static String noThrottle() {
    return rateLimit(100_000, 100_000, 1, 1_000_000, 25_000);
  }
}
