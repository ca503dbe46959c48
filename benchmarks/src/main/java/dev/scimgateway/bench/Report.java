package dev.scimgateway.bench;

import dev.scimgateway.bench.OverheadBench.Op;
import dev.scimgateway.bench.OverheadBench.Route;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docs/BENCHMARKS.md, from the results of one run. */
final class Report {

  String date;
  Machine machine;
  String command;
  int repetitions;
  int seconds;
  double totalSeconds;
  OverheadBench.Result overhead;
  EfficiencyBench.Result efficiency;
  BurstBench.Result burst;
  FootprintBench.Result footprint;
  ProfileBench.Result profile;
  LoopsBench.Result loops;
  Map<String, String> failures = new LinkedHashMap<>();
  final Map<String, String> loads = new LinkedHashMap<>();
  final Map<String, Double> durations = new LinkedHashMap<>();

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks\n\n");
    md.append("""
        What the gateway costs in the path, how it spends Postman's request budget, how it behaves in a burst
        and how much memory it needs (issue #6). **This file is written by the benchmark suite; do not edit
        it by hand** — re-run the command below instead. The prose around the tables is part of the suite
        (`benchmarks/src/main/java/dev/scimgateway/bench/Report.java`).

        """);
    md.append("## How these numbers were made\n\n");
    md.append("```sh\n").append(command).append("\n```\n\n");
    md.append("""
        The script installs wrk and nginx from Debian's packages when missing, builds the jars
        (`mvn -B -q -DskipTests package`), copies `distribution/target/scim-gateway.jar` and
        `benchmarks/target/scim-gateway-benchmarks.jar` into a temporary work directory (so that a build in the
        same tree during the run changes nothing) and runs the suite from there. The suite starts every piece as a
        process of its own on 127.0.0.1 — the gateway with `distribution/jvm.options` (as the README's command and
        the Docker image run it), the Postman simulator (from the
        gateway's jar), a fixed-answer upstream, nginx — drives each for a bounded time, stops what it started
        and writes this file; logs, configurations and the JFR recording stay in the work directory. Nothing of
        it runs in `mvn verify`.
        `BENCH_REPS` and `BENCH_SECONDS` change the repetitions and the seconds per cell,
        `BENCH_ONLY=overhead,efficiency,burst,footprint,profile,loops` picks sections.

        """);
    md.append("| | |\n|---|---|\n");
    md.append("| Date (UTC) | ").append(date).append(" |\n");
    md.append("| Commit | ").append(machine.commit()).append(" |\n");
    md.append("| CPU | ").append(machine.cpuModel()).append(", `nproc` = ").append(machine.cores()).append(" |\n");
    md.append("| Kernel | ").append(machine.kernel()).append(" |\n");
    md.append("| Tools | ").append(machine.wrk()).append("; ").append(machine.nginx()).append(" |\n");
    md.append("| Repetitions | ").append(repetitions).append(" per cell, medians reported; ").append(seconds)
        .append(" s per overhead cell |\n");
    md.append("| Duration of the run | ").append(Stats.f0(totalSeconds)).append(" s (")
        .append(String.join(", ", durations.entrySet().stream().map(e -> e.getKey() + " " + Stats.f0(e.getValue()) + " s").toList()))
        .append(") |\n");
    md.append("| Load average before → after each section | ")
        .append(String.join("; ", loads.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())).append(" |\n\n");
    md.append("```text\n$ free -h\n").append(machine.free()).append("\n$ java -version\n").append(machine.javaVersion()).append("\n```\n\n");
    md.append("""
        **The machine is shared and small.** It has 2 cores, and other engineers' builds and test suites may run
        on it at the same time (the load averages above show how busy it was). The load generator, the proxy or
        gateway and the upstream all share those 2 cores, so absolute throughput here says little about a real
        deployment; what carries over are the ratios, which are measured within the same repetition (the three
        paths of a cell run one right after the other, in an order that rotates between repetitions), and the
        counts of upstream calls, which do not depend on the machine at all. It is also a virtual machine whose
        speed changes from day to day: the same paths have measured up to twice as fast on one day as on the
        day before, so the CPU per request in microseconds (and the targets set in microseconds) move with the
        day, while the before-and-after and pass-through ratios of one run do not.

        """);
    if (!failures.isEmpty()) {
      md.append("**Sections that failed in this run:** ");
      failures.forEach((k, v) -> md.append("`").append(k).append("`: ").append(v.replace("\n", " ")).append("; "));
      md.append("\n\n");
    }
    if (overhead != null) {
      overhead(md);
    }
    if (efficiency != null) {
      efficiency(md);
    }
    if (burst != null) {
      burst(md);
    }
    if (footprint != null) {
      footprint(md);
    }
    if (profile != null) {
      profile(md);
    }
    if (loops != null) {
      loops(md);
    }
    summary(md);
    return md.toString();
  }

  // ---- 1

  private void overhead(StringBuilder md) {
    md.append("## 1. Overhead: what the gateway costs in the path\n\n");
    md.append(String.format("""
        `GET /Users/{id}` and `POST /Users` (Okta's create body) with wrk at 1, 16 and 64 keep-alive connections,
        %d s per cell, %d repetitions, against these paths to the same **fixed-answer upstream** (a small Vert.x
        server in the benchmarks module that answers Postman's shapes at once, so that no simulator or budget blurs
        the numbers):

        - **direct**: wrk → upstream;
        - **proxy**: wrk → nginx (`proxy_pass`, keep-alive to the upstream, no access log, 2 workers) → upstream,
          the floor of any proxy;
        - **Vert.x pass-through**: wrk → a bare proxy on the gateway's own stack (`VertxProxy`) → upstream, the
          floor of the gateway's stack (its own table below);
        - **gateway**: wrk → gateway (one tenant, Postman budget set to 100,000 a second so it never throttles,
          request lines to standard output, discarded) → upstream;
        - **gateway (scim)**: the same with the generic `adapter: scim` in place of the Postman adapter (its own
          table below).

        Throughput in requests per second; latencies in milliseconds (wrk's p50 and p99). *gw/direct* and
        *gw/proxy* are the medians of the ratios measured within each repetition; *added p50* is the gateway's p50
        minus the other path's, likewise.

        """, overhead.seconds, overhead.repetitions));
    for (Op op : Op.values()) {
      md.append("**").append(op == Op.GET ? "`GET /Users/{id}`" : "`POST /Users`").append("**\n\n");
      md.append("| Connections | direct req/s | proxy req/s | gateway req/s | gw/direct | gw/proxy | p50 direct | p50 proxy | p50 gateway | p99 direct | p99 proxy | p99 gateway | added p50 vs direct | added p50 vs proxy |\n");
      md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (int c : OverheadBench.CONNECTIONS) {
        md.append("| ").append(c)
            .append(" | ").append(Stats.f0(overhead.medianRps(op, c, Route.DIRECT)))
            .append(" | ").append(Stats.f0(overhead.medianRps(op, c, Route.PROXY)))
            .append(" | ").append(Stats.f0(overhead.medianRps(op, c, Route.GATEWAY)))
            .append(" | ").append(Stats.f2(overhead.ratio(op, c, Route.GATEWAY, Route.DIRECT)))
            .append(" | ").append(Stats.f2(overhead.ratio(op, c, Route.GATEWAY, Route.PROXY)))
            .append(" | ").append(Stats.f2(overhead.medianP50(op, c, Route.DIRECT)))
            .append(" | ").append(Stats.f2(overhead.medianP50(op, c, Route.PROXY)))
            .append(" | ").append(Stats.f2(overhead.medianP50(op, c, Route.GATEWAY)))
            .append(" | ").append(Stats.f2(overhead.medianP99(op, c, Route.DIRECT)))
            .append(" | ").append(Stats.f2(overhead.medianP99(op, c, Route.PROXY)))
            .append(" | ").append(Stats.f2(overhead.medianP99(op, c, Route.GATEWAY)))
            .append(" | ").append(Stats.signed2(overhead.addedP50(op, c, Route.GATEWAY, Route.DIRECT)))
            .append(" | ").append(Stats.signed2(overhead.addedP50(op, c, Route.GATEWAY, Route.PROXY)))
            .append(" |\n");
      }
      md.append("\n");
    }
    md.append("""
        **CPU per request.** Throughput on 2 shared cores depends on what else runs; the CPU time each process
        spent per request (user + system, from `/proc`, over the same runs) does much less. *In the path* is
        nginx with its workers, or the gateway's JVM (its JIT and GC included); the upstream's share is the same
        work on every path.

        | Operation | Connections | nginx µs/request | gateway µs/request | gateway ÷ nginx | upstream µs/request (direct / proxy / gateway path) |
        |---|---:|---:|---:|---:|---|
        """);
    for (Op op : Op.values()) {
      for (int c : OverheadBench.CONNECTIONS) {
        md.append("| ").append(op).append(" | ").append(c)
            .append(" | ").append(Stats.f1(overhead.medianPathCpu(op, c, Route.PROXY)))
            .append(" | ").append(Stats.f1(overhead.medianPathCpu(op, c, Route.GATEWAY)))
            .append(" | ").append(Stats.f1(overhead.cpuRatio(op, c, Route.GATEWAY)))
            .append(" | ").append(Stats.f1(overhead.medianUpstreamCpu(op, c, Route.DIRECT))).append(" / ")
            .append(Stats.f1(overhead.medianUpstreamCpu(op, c, Route.PROXY))).append(" / ")
            .append(Stats.f1(overhead.medianUpstreamCpu(op, c, Route.GATEWAY)))
            .append(" |\n");
      }
    }
    md.append("\n");
    if (overhead.unclean > 0) {
      md.append("**").append(overhead.unclean).append(" wrk runs saw socket errors or non-2xx answers** (see the run's log).\n\n");
    } else {
      md.append("Every wrk run completed without socket errors or non-2xx answers.\n\n");
    }
    stackFloor(md);
    belowSaturation(md);
    scimAdapter(md);
    beforeAndAfter(md);
    md.append("**Targets** (issue #15; at 16 connections unless said, the Postman path).\n\n");
    md.append("| Target | Cell | Measured | Verdict |\n|---|---|---:|---|\n");
    for (OverheadTarget target : OverheadTarget.values()) {
      double measured = target.measure(overhead);
      md.append("| ").append(target.label).append(" | ").append(target.cell())
          .append(" | ").append(target.format(measured)).append(" | ")
          .append(verdict(target.met(measured), target.met(measured) ? "" : target.shortfall(measured))).append(" |\n");
    }
    md.append("\n");
    targetsAgainstTheFloor(md);
    md.append("""
        How to read this on 2 shared cores: every path is CPU-bound on the same two cores, so a path's throughput is
        roughly the inverse of the CPU all its processes spend per request. At 1 connection the numbers are
        latency-bound (one request in flight); at 16 and 64 connections the cores are saturated, so the ratios
        compare CPU per request: nginx proxies in C with no parsing beyond HTTP; the gateway parses the request,
        authenticates it, normalizes and checks the SCIM body, re-encodes it for Postman, takes a slot of the
        team's budget, parses Postman's answer, decorates and projects it, writes a request line and records
        metrics. At 64 connections wrk's latencies include queueing behind saturated cores, so p50 and p99 there
        grow with every path's cost.

        """);
  }

  // ---- 2

  private void efficiency(StringBuilder md) {
    md.append("## 2. Upstream efficiency: Postman calls per IdP operation\n\n");
    md.append(String.format("""
        The gateway and the Postman simulator run as processes of their own; the simulator holds a team of %,d
        users (seeded through its HTTP API, inside a budget large enough not to interfere). Each IdP request is
        sent to the gateway as Okta or Entra ID sends it, and the calls that reached the simulator are counted from
        its request log. The **direct** columns send the same request straight to the simulator, as an IdP
        connected to Postman directly would: one call, and Postman's answer (✗: Postman refused it, or found no
        one where the user exists).

        """, efficiency.teamSize));
    Map<String, String> titles = new LinkedHashMap<>();
    titles.put("Okta", "Okta lifecycle");
    titles.put("Entra", "Microsoft Entra ID lifecycle");
    titles.put(EfficiencyBench.OKTA_GROUPS, "Okta Push Groups");
    titles.put(EfficiencyBench.ENTRA_GROUPS, "Microsoft Entra ID group provisioning");
    stepTables(md, titles, "Postman");
    md.append("""
        **Through the generic `scim` adapter.** The same IdP requests, through a gateway whose tenant has only
        `adapter: scim` with `baseUrl` and `auth` (types, attributes, filters and PATCH learned from the upstream's
        discovery documents), in front of the SCIM simulator (`scim-simulator/`, a standards-compliant SCIM 2.0
        server), and sent straight to it. A standards-compliant upstream takes most of what the IdPs send, so the
        gateway's value here is the budget, retries, safe creates and the dialect fixes; the tables show what they
        cost in upstream calls.

        """);
    if (efficiency.scimFailure != null) {
      md.append("**The sequences through the scim adapter did not complete:** ").append(efficiency.scimFailure).append("\n\n");
    }
    Map<String, String> scimTitles = new LinkedHashMap<>();
    titles.forEach((idp, title) -> scimTitles.put(idp + EfficiencyBench.SCIM, title + ", through the scim adapter"));
    stepTables(md, scimTitles, "upstream");
    md.append("**`externalId` look-ups and listing over ").append(String.format("%,d", efficiency.teamSize)).append(" users**\n\n");
    md.append("""
        Postman cannot filter on `externalId` (it answers `400` "You’ve used filter(s) that Postman doesn’t
        support."), so an IdP talking straight to Postman could only page through the team, 100 users a call:
        the direct baseline below is ceil(position/100) calls for a user at that position in Postman's list (a
        client that stops at the user's page), and ceil(10,000/100) = 100 calls to prove that a user is absent.

        """);
    md.append("| Scenario | Look-ups | Gateway: Postman calls | per look-up | Direct: Postman calls | per look-up | Direct baseline | gw/direct | Note |\n");
    md.append("|---|---:|---:|---:|---:|---:|---|---:|---|\n");
    for (EfficiencyBench.Lookups l : efficiency.lookups) {
      md.append("| ").append(l.scenario()).append(" | ").append(l.lookups()).append(" | ").append(l.gatewayCalls())
          .append(" | ").append(Stats.f1((double) l.gatewayCalls() / l.lookups())).append(" | ").append(l.directCalls())
          .append(" | ").append(Stats.f1((double) l.directCalls() / l.lookups())).append(" | ").append(l.directHow())
          .append(" | ").append(Stats.f2((double) l.gatewayCalls() / l.directCalls())).append(" | ").append(l.note()).append(" |\n");
    }
    md.append(String.format("%nThe warm-up (`idCache.warmUp: true`) read the %,d users in %d calls; the gateway was ready %.0f ms after launch.%n%n",
        efficiency.teamSize, efficiency.warmUpCalls, efficiency.warmUpMillis));
  }

  // ---- 3

  private void burst(StringBuilder md) {
    md.append("## 3. Burst: 1,000 requests at once against Postman's budget\n\n");
    md.append(String.format("""
        The Postman simulator enforces Postman's real budget, %d writes and %d reads per sliding window, with the
        window scaled down from a minute to %d s. The gateway is configured with the same budget and window, and
        with bounds that let it queue the whole burst instead of refusing any of it: `rateLimit.maxQueue: %d`,
        `rateLimit.maxWaitMillis: %d` and `server.requestTimeoutMillis: %d` (with the defaults, 1,000 and
        25 s, a burst that needs more than 25 s of budget would get `429` with `Retry-After` for the part that
        cannot wait). The load generator (this suite's process: Vert.x Web Client, one connection per request,
        latencies in an HdrHistogram) sends all 1,000 requests at once; the simulator is reset and the gateway's
        budget drained between bursts. One unrecorded burst per setup warms the JIT up first, then %d repetitions; medians,
        with the range. *Mean upstream call* is the gateway's own measure (`scim_gateway_upstream_requests_seconds`)
        from sending a call to its answer, including the wait for one of the 16 pooled connections to Postman.
        The burst over %d replicas sends the requests round-robin to %d gateway processes that share the budget
        through one Redis (`cluster.redis`, see the README's "Several replicas"); its metrics are the replicas' sums.

        *Theoretical minimum* is calls ÷ budget × window as the issue defines it; a sliding window lets the
        first %d writes go at once, so the true floor is ⌊(calls − 1) ÷ budget⌋ windows. The gateway holds each
        slot for a window **plus a margin** (1 %% of the window, at least 50 ms) after the answer, so that no
        window at Postman ever sees more than the budget.

        """, BurstBench.WRITES, BurstBench.READS, BurstBench.WINDOW_SECONDS, BurstBench.MAX_QUEUE,
        BurstBench.MAX_WAIT_MILLIS, BurstBench.SERVER_TIMEOUT_MILLIS, burst.repetitions, BurstBench.REPLICAS,
        BurstBench.REPLICAS, BurstBench.WRITES));
    md.append("| Burst | Completion (s) | Theoretical minimum (s) | Sliding-window floor (s) | Completion ÷ minimum | Upstream 429s | IdP-visible failures | Users created | IdP p50 / p99 (s) | First answer (s) | Most writes in any window | Postman calls | Mean upstream call (ms) | Refused by the gateway's budget | Redis commands per IdP request |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (BurstBench.Variant variant : BurstBench.Variant.values()) {
      List<BurstBench.Run> runs = burst.of(variant);
      if (runs.isEmpty()) {
        continue;
      }
      double completion = Stats.median(runs.stream().map(BurstBench.Run::completionSeconds).toList());
      double min = runs.stream().mapToDouble(BurstBench.Run::completionSeconds).min().orElse(Double.NaN);
      double max = runs.stream().mapToDouble(BurstBench.Run::completionSeconds).max().orElse(Double.NaN);
      double theory = BurstBench.theoreticalMinimumSeconds(BurstBench.REQUESTS, BurstBench.WRITES);
      double floor = BurstBench.slidingWindowBoundSeconds(BurstBench.REQUESTS, BurstBench.WRITES);
      long upstream429 = Stats.medianLong(runs.stream().map(BurstBench.Run::upstream429).toList());
      long failures = Stats.medianLong(runs.stream().map(BurstBench.Run::idpFailures).toList());
      long created = Stats.medianLong(runs.stream().map(r -> (long) r.created()).toList());
      double p50 = Stats.median(runs.stream().map(BurstBench.Run::p50Ms).toList()) / 1000;
      double p99 = Stats.median(runs.stream().map(BurstBench.Run::p99Ms).toList()) / 1000;
      long maxWrites = runs.stream().mapToLong(BurstBench.Run::maxWritesInWindow).max().orElse(-1);
      long calls = Stats.medianLong(runs.stream().map(r -> (long) r.upstreamCalls()).toList());
      double rejected = runs.stream().mapToDouble(BurstBench.Run::budgetRejected).sum();
      double firstAnswer = Stats.median(runs.stream().map(BurstBench.Run::firstAnswerSeconds).toList());
      double meanUpstream = Stats.median(runs.stream().map(BurstBench.Run::meanUpstreamMillis).toList());
      boolean direct = variant == BurstBench.Variant.DIRECT;
      md.append("| ").append(variant.label)
          .append(" | ").append(Stats.f2(completion)).append(" (").append(Stats.f2(min)).append("–").append(Stats.f2(max)).append(")")
          .append(" | ").append(direct ? "–" : Stats.f2(theory))
          .append(" | ").append(direct ? "–" : Stats.f2(floor))
          .append(" | ").append(direct ? "–" : Stats.f2(completion / theory))
          .append(" | ").append(upstream429)
          .append(" | ").append(failures)
          .append(" | ").append(created)
          .append(" | ").append(Stats.f2(p50)).append(" / ").append(Stats.f2(p99))
          .append(" | ").append(Stats.f2(firstAnswer))
          .append(" | ").append(maxWrites)
          .append(" | ").append(calls)
          .append(" | ").append(direct ? "–" : Stats.f1(meanUpstream))
          .append(" | ").append(direct ? "–" : Stats.f0(rejected))
          .append(" | ").append(variant == BurstBench.Variant.CLUSTER_CREATES
              ? Stats.f1(Stats.median(runs.stream().map(BurstBench.Run::redisCommandsPerRequest).toList())) : "–")
          .append(" |\n");
    }
    md.append("\nIdP answers per burst: ");
    md.append(String.join("; ", burst.runs.stream().map(r -> r.variant().name().toLowerCase() + " " + r.idpStatuses()).toList()));
    md.append(" (status → count; `-1`: no answer).\n\n");
    groupPush(md);
    md.append("**Targets.** ");
    List<BurstBench.Run> through = burst.runs.stream().filter(r -> r.variant() != BurstBench.Variant.DIRECT).toList();
    long total429 = through.stream().mapToLong(BurstBench.Run::upstream429).sum();
    long totalFailures = through.stream().mapToLong(BurstBench.Run::idpFailures).sum();
    md.append("Upstream 429s through the gateway, all bursts together: ").append(total429).append(" (target 0: ")
        .append(verdict(total429 == 0, "")).append("). IdP-visible failures through the gateway: ").append(totalFailures)
        .append(" (target 0: ").append(verdict(totalFailures == 0, "")).append(").\n\n");
  }

  private void groupPush(StringBuilder md) {
    if (burst.pushes.isEmpty()) {
      return;
    }
    md.append(String.format("""
        **A %,d-member group push against the budget.** Right after a burst of %,d creates (whose writes still hold
        the window), Okta pushes a group of those users: `POST /Groups` with no members, then %d membership PATCHes of
        %d members each, one after the other, each with Okta's unchanged rename. Medians of %d repetitions.

        | Push | IdP requests | Completion (s) | Postman calls | Upstream 429s | Members stored | IdP answers |
        |---|---:|---:|---:|---:|---:|---|
        """, BurstBench.PUSH_MEMBERS, BurstBench.REQUESTS, BurstBench.PUSH_MEMBERS / BurstBench.PUSH_BATCH,
        BurstBench.PUSH_BATCH, burst.pushes.size()));
    BurstBench.GroupPush first = burst.pushes.get(0);
    md.append("| ").append(String.format("%,d members", BurstBench.PUSH_MEMBERS))
        .append(" | ").append(first.idpRequests())
        .append(" | ").append(Stats.f2(Stats.median(burst.pushes.stream().map(BurstBench.GroupPush::completionSeconds).toList())))
        .append(" | ").append(Stats.medianLong(burst.pushes.stream().map(p -> (long) p.upstreamCalls()).toList()))
        .append(" | ").append(burst.pushes.stream().mapToLong(BurstBench.GroupPush::upstream429).sum())
        .append(" | ").append(Stats.medianLong(burst.pushes.stream().map(p -> (long) p.storedMembers()).toList()))
        .append(" | ").append(String.join("; ", burst.pushes.stream().map(p -> p.idpStatuses().toString()).toList()))
        .append(" |\n\n");
  }

  // ---- 4

  private void footprint(StringBuilder md) {
    md.append("## 4. Footprint\n\n");
    md.append(String.format("""
        The gateway jar as the README runs it (`java @distribution/jvm.options -jar`, no `-Xmx`: the parallel
        collector, a maximum heap of a quarter of the machine's memory), one tenant over the fixed-answer upstream. Start-up is from launching the process to the
        first `200` from `/ready` (polled every 5 ms), median of %d launches. Heap figures are the live objects after
        a full GC (`jcmd GC.class_histogram`) and the heap's "used" after `jcmd GC.run`; RSS is `VmRSS` from
        `/proc/<pid>/status`. The 100,000 cached ids come from `idCache.warmUp: true` (with `idCache.maxSize:
        200000`) over an upstream that lists a synthetic team of 100,000 users.

        """, footprint.repetitions));
    md.append("| Measure | Value |\n|---|---:|\n");
    md.append("| Start-up to `/ready` (empty id cache) | ").append(Stats.f0(Stats.median(footprint.startupMillis))).append(" ms (")
        .append(range(footprint.startupMillis)).append(") |\n");
    md.append("| Start-up to `/ready` with a warm-up of 100,000 users (1,000 pages) | ")
        .append(Stats.f0(Stats.median(footprint.warmStartupMillis))).append(" ms (").append(range(footprint.warmStartupMillis)).append(") |\n");
    md.append("| Ids in the cache after the warm-up (`cache_size`, by id) | ").append(String.format("%,d", footprint.cachedIds)).append(" |\n");
    md.append("| Live heap, empty id cache | ").append(mib(footprint.emptyLiveBytes)).append(" (heap used after GC ")
        .append(Stats.mib(footprint.emptyHeapUsedKb)).append(") |\n");
    md.append("| Live heap, 100,000 ids cached | ").append(mib(footprint.warmLiveBytes)).append(" (heap used after GC ")
        .append(Stats.mib(footprint.warmHeapUsedKb)).append(") |\n");
    long perUser = footprint.cachedIds > 0 ? (footprint.warmLiveBytes - footprint.emptyLiveBytes) / footprint.cachedIds : -1;
    md.append("| Heap per cached user (one Caffeine cache by id, with its userName and externalId keys) | ")
        .append(perUser < 0 ? "–" : perUser + " bytes").append(" |\n");
    md.append("| RSS after start-up, idle | ").append(Stats.mib(footprint.emptyRssKb)).append(" |\n");
    md.append("| RSS with 100,000 ids cached | ").append(Stats.mib(footprint.warmRssKb)).append(" |\n");
    if (overhead != null) {
      md.append("| RSS before the overhead benchmark (idle) | ").append(Stats.mib(overhead.gatewayIdleRssKb)).append(" |\n");
      md.append("| RSS under load (after the 64-connection cells of the overhead benchmark, highest) | ")
          .append(Stats.mib(overhead.gatewayRssAt64Kb)).append(" |\n");
      md.append("| Peak RSS during the overhead benchmark (`VmHWM`) | ").append(Stats.mib(overhead.gatewayPeakRssKb)).append(" |\n");
    }
    if (footprint.launchesWithHungPoll > 0) {
      md.append(String.format("""

          **Found while measuring start-up:** in %d of %d launches a readiness poll got no answer within %d s (the
          suite then polls again; such launches are left out of the start-up times above and replaced by another
          launch). The gateway's log shows why:
          `NullPointerException: Cannot read field "tags" because "socketMetric" is null` in vertx-micrometer's
          `VertxHttpServerMetrics.requestBegin`. Vert.x 5.0.7 binds the port first and creates the HTTP server's
          metrics in the bind's completion (`NetServerImpl`), so a connection accepted in between has no socket
          metric, and its first request fails inside Vert.x and is never answered. Only clients that connect within
          moments of the port opening meet it (this suite polls every 5 ms; a health checker could too); later
          connections are unaffected.
          """, footprint.launchesWithHungPoll, footprint.launches, Net.POLL_TIMEOUT.toSeconds()));
    }
    md.append("\nLargest classes of the live heap with 100,000 ids cached:\n\n");
    footprint.warmTopClasses.forEach(c -> md.append("- `").append(c.replace(": ", "`: ")).append("\n"));
    md.append("""

        RSS is mostly what the collector chose to keep committed, not what the gateway needs: with no `-Xmx` the JVM may grow
        the heap up to a quarter of the machine's memory before collecting. The Dockerfile runs the gateway with
        `-XX:MaxRAMPercentage=75` of the container's limit; the live heap above is the figure to size a limit by.

        """);
  }

  // ---- 5

  private void profile(StringBuilder md) {
    md.append("## 5. Profile of the hot path\n\n");
    md.append(String.format("""
        JFR (`settings=profile`, started with `jcmd <pid> JFR.start` once the JIT had warmed up, in a gateway whose
        flight recorder runs from launch: started for the first time in a warm JVM, it cut the throughput to a sixth
        for the whole recording and profiled a program still being recompiled; dumped with
        `JFR.dump`) on the gateway while wrk drove `GET /Users/{id}` and then `POST /Users` at 16 connections
        through it for %d s each (%s and %s requests per second under the recording). The recording is summarized
        by the suite itself (`jdk.jfr.consumer`, the same events as `jfr print --events jdk.ExecutionSample`);
        `java -jar benchmarks/target/scim-gateway-benchmarks.jar jfr-summary FILE.jfr` summarizes any recording.

        """, profile.seconds(), Stats.f0(profile.get().requestsPerSecond()), Stats.f0(profile.post().requestsPerSecond())));
    md.append(profile.summary().markdown()).append("\n");
    md.append(ProfileNotes.TEXT).append("\n");
  }

  // ---- 6

  private void loops(StringBuilder md) {
    md.append("## 6. Event loops: throughput against `server.eventLoops`\n\n");
    md.append(String.format("""
        The gateway started with `server.eventLoops` of %s (1, 2 and the machine's %d cores, each count once),
        one tenant as in section 1, in front of the fixed-answer upstream; wrk drives `GET /Users/{id}` and
        `POST /Users` (Okta's body) at %d keep-alive connections, %d s per cell, %d repetitions, the loop counts of
        a repetition one right after the other in an order that rotates. *× 1 loop* is the median of the ratio to
        one loop's throughput within each repetition; CPU is the gateway's, per request.

        """, String.join(", ", loops.loops.stream().map(String::valueOf).toList()), loops.cores, LoopsBench.CONNECTIONS,
        loops.seconds, loops.repetitions));
    md.append("| Event loops | GET req/s | GET × 1 loop | GET CPU µs/req | POST req/s | POST × 1 loop | POST CPU µs/req |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int n : loops.loops) {
      md.append("| ").append(n)
          .append(" | ").append(Stats.f0(loops.medianRps(Op.GET, n)))
          .append(" | ").append(Stats.f2(loops.speedUp(Op.GET, n)))
          .append(" | ").append(Stats.f1(loops.medianCpu(Op.GET, n)))
          .append(" | ").append(Stats.f0(loops.medianRps(Op.POST, n)))
          .append(" | ").append(Stats.f2(loops.speedUp(Op.POST, n)))
          .append(" | ").append(Stats.f1(loops.medianCpu(Op.POST, n)))
          .append(" |\n");
    }
    md.append("\n");
    if (loops.unclean > 0) {
      md.append("**").append(loops.unclean).append(" wrk runs saw socket errors or non-2xx answers** (see the run's log).\n\n");
    }
    md.append(String.format("""
        **How to read it for a bigger machine.** Each loop serves its share of the connections on its own thread, the
        tenant's adapter included (the Postman adapter runs on every loop, each with its own connections to the
        upstream), so a request never changes thread and the gateway's work scales with the loops as long as there
        are cores for them. On this machine wrk and the upstream take a large part of the same %d cores, so the
        column *× 1 loop* at 2 loops is a lower bound of what a second core gives; on a machine where the gateway has
        its cores to itself, expect throughput to grow close to linearly with `server.eventLoops` up to the number of
        cores, until the upstream becomes the limit, even for a single tenant. (An adapter that keeps its state on
        one thread, `AdapterThreading.HOME_LOOP`, has its work done on one loop, which then bounds that tenant;
        several such tenants spread over the loops.) CPU per request should stay flat across the rows; where it
        rises, the loops compete for cores.

        """, loops.cores));
  }

  /** One table per IdP sequence: the upstream calls through the gateway against a direct connection's. */
  private void stepTables(StringBuilder md, Map<String, String> titles, String upstream) {
    for (String idp : titles.keySet()) {
      List<EfficiencyBench.Step> steps = efficiency.steps.stream().filter(s -> s.idp().equals(idp)).toList();
      if (steps.isEmpty()) {
        continue;
      }
      md.append("**").append(titles.get(idp)).append("**\n\n");
      md.append("| Step | IdP request | Gateway: " + upstream + " calls | Gateway: answer | Direct: " + upstream
          + " calls | Direct: " + upstream + "'s answer | Note |\n");
      md.append("|---|---|---:|---|---:|---|---|\n");
      int gatewayTotal = 0;
      int directTotal = 0;
      int directFailed = 0;
      for (EfficiencyBench.Step s : steps) {
        gatewayTotal += s.gatewayCalls();
        directTotal += s.directCalls();
        if (s.directFailed()) {
          directFailed++;
        }
        md.append("| ").append(s.step()).append(" | ").append(s.request()).append(" | ").append(s.gatewayCalls())
            .append(" (").append(s.gatewayCallList()).append(") | ").append(s.gatewayAnswer()).append(" | ")
            .append(s.directCalls()).append(" | ").append(s.directAnswer()).append(s.directFailed() ? " ✗" : "").append(" | ")
            .append(s.note()).append(" |\n");
      }
      md.append("| **Total** | | **").append(gatewayTotal).append("** | all succeed | **").append(directTotal)
          .append("** | ").append(directFailed == 0 ? "all succeed" : directFailed + " of " + steps.size() + " fail or find no one (✗)")
          .append(" | |\n\n");
    }
  }

  /** The Vert.x pass-through against nginx and the gateway: what of the gateway's cost is its stack's. */
  private void stackFloor(StringBuilder md) {
    if (overhead.of(Op.GET, 16, Route.VERTX_PROXY).isEmpty()) {
      return;
    }
    md.append("""
        **The floor of the gateway's stack.** The Vert.x pass-through (`VertxProxy`, benchmarks module) runs on the
        gateway's stack and JVM options: Vert.x 5, Netty's native transport, one server and one pooled HTTP client per event loop.
        It forwards method, path, `Authorization`, `Content-Type` and body, and copies status, `Content-Type` and
        body back, with no JSON, no checks, no log and no hop between loops. What it spends per request is what
        Vert.x and the kernel take for one proxied request, which no change to the gateway's own code removes.
        *Gateway's own* is the gateway's CPU per request minus the pass-through's (the median of the differences
        within each repetition): what the SCIM work, the adapter, the log and the metrics cost.

        | Operation | Connections | pass-through req/s | pass-through ÷ nginx | gateway ÷ pass-through | pass-through µs CPU/req | gateway µs CPU/req | gateway's own µs CPU/req | pass-through p50 ms |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|
        """);
    for (Op op : Op.values()) {
      for (int c : OverheadBench.CONNECTIONS) {
        md.append("| ").append(op).append(" | ").append(c)
            .append(" | ").append(Stats.f0(overhead.medianRps(op, c, Route.VERTX_PROXY)))
            .append(" | ").append(Stats.f2(overhead.ratio(op, c, Route.VERTX_PROXY, Route.PROXY)))
            .append(" | ").append(Stats.f2(overhead.ratio(op, c, Route.GATEWAY, Route.VERTX_PROXY)))
            .append(" | ").append(Stats.f1(overhead.medianPathCpu(op, c, Route.VERTX_PROXY)))
            .append(" | ").append(Stats.f1(overhead.medianPathCpu(op, c, Route.GATEWAY)))
            .append(" | ").append(Stats.f1(overhead.cpuDifference(op, c, Route.GATEWAY, Route.VERTX_PROXY)))
            .append(" | ").append(Stats.f2(overhead.medianP50(op, c, Route.VERTX_PROXY)))
            .append(" |\n");
      }
    }
    md.append("\n");
  }

  /** Latency at 64 connections paced below saturation, every path. */
  private void belowSaturation(StringBuilder md) {
    if (overhead.paced(Op.GET, Route.GATEWAY).isEmpty()) {
      return;
    }
    double pacedRps = OverheadBench.Result.median(overhead.paced(Op.GET, Route.GATEWAY), Wrk.Result::requestsPerSecond);
    md.append(String.format("""
        **Latency below saturation.** At 64 connections unpaced the cores are saturated and p50 is mostly the queue
        (latency ≈ connections ÷ throughput). Here the same %d connections each wait a random 0 to %d ms between
        an answer and the next request (wrk's `delay()`, not part of the latency it records): about %s requests
        a second in all, %.0f %% of what the gateway serves unpaced at %d connections, closer to an IdP's parallel
        cycles. Every path ran paced once per repetition, after the unpaced cells of the same operation; *added
        p50* is against direct, within the same repetition.

        | Operation | Path | req/s | p50 ms | p99 ms | added p50 vs direct |
        |---|---|---:|---:|---:|---:|
        """, OverheadBench.PACED_CONNECTIONS, 2 * OverheadBench.PACED_MEAN_DELAY_MILLIS,
        Stats.f0(pacedRps), 100 * pacedRps / overhead.medianRps(Op.GET, OverheadBench.PACED_CONNECTIONS, Route.GATEWAY),
        OverheadBench.PACED_CONNECTIONS));
    for (Op op : Op.values()) {
      for (Route route : Route.values()) {
        List<Wrk.Result> runs = overhead.paced(op, route);
        if (runs.isEmpty()) {
          continue;
        }
        md.append("| ").append(op).append(" | ").append(pathName(route))
            .append(" | ").append(Stats.f0(OverheadBench.Result.median(runs, Wrk.Result::requestsPerSecond)))
            .append(" | ").append(Stats.f2(OverheadBench.Result.median(runs, Wrk.Result::p50Ms)))
            .append(" | ").append(Stats.f2(OverheadBench.Result.median(runs, Wrk.Result::p99Ms)))
            .append(" | ").append(route == Route.DIRECT ? "–" : Stats.signed2(overhead.addedPacedP50(op, route, Route.DIRECT)))
            .append(" |\n");
      }
    }
    md.append("\n");
  }

  private static String pathName(Route route) {
    return switch (route) {
      case DIRECT -> "direct";
      case PROXY -> "nginx";
      case VERTX_PROXY -> "Vert.x pass-through";
      case GATEWAY -> "gateway (Postman)";
      case GATEWAY_SCIM -> "gateway (scim)";
      case GATEWAY_BEFORE -> "gateway before (`BENCH_BASELINE`)";
    };
  }

  /** What the CPU and throughput targets leave for the gateway's own work once its stack's floor is paid. */
  private void targetsAgainstTheFloor(StringBuilder md) {
    if (overhead.of(Op.GET, 16, Route.VERTX_PROXY).isEmpty()) {
      return;
    }
    md.append("**The targets against the floor.** At ").append(OverheadTarget.GET_CPU.connections)
        .append(" connections the Vert.x pass-through alone spends ");
    String separator = "";
    for (OverheadTarget target : List.of(OverheadTarget.GET_CPU, OverheadTarget.POST_CPU)) {
      double floor = overhead.medianPathCpu(target.op, target.connections, Route.VERTX_PROXY);
      double left = target.bound - floor;
      md.append(separator).append(Stats.f1(floor)).append(" µs per ").append(target.op).append(" (target ")
          .append(Stats.f0(target.bound)).append(" µs: ")
          .append(left >= 0 ? Stats.f1(left) + " µs left for the gateway's own work"
              : "the floor alone is " + Stats.f1(-left) + " µs over it, before the gateway's own work")
          .append(", which measures ")
          .append(Stats.f1(overhead.cpuDifference(target.op, target.connections, Route.GATEWAY, Route.VERTX_PROXY)))
          .append(" µs)");
      separator = " and ";
    }
    md.append(", and keeps ");
    separator = "";
    for (OverheadTarget target : List.of(OverheadTarget.GET_THROUGHPUT, OverheadTarget.POST_THROUGHPUT)) {
      md.append(separator).append(Stats.f2(overhead.ratio(target.op, target.connections, Route.VERTX_PROXY, Route.PROXY)))
          .append(" × (").append(target.op).append(")");
      separator = " and ";
    }
    md.append(" of nginx's throughput: the ceiling of any gateway on this stack.\n\n");
  }

  /** The gateway with the generic scim adapter in front of the same upstream, against the same repetitions. */
  private void scimAdapter(StringBuilder md) {
    if (overhead.of(Op.GET, 16, Route.GATEWAY_SCIM).isEmpty()) {
      return;
    }
    md.append("""
        **The generic `scim` adapter** (`adapter: scim`, issue #14) in front of the same upstream, in the same
        repetitions: the gateway's own work is the same, the adapter's is a SCIM-to-SCIM pass of only the stored
        attributes instead of Postman's body shapes.

        | Operation | Connections | gateway (scim) req/s | scim/direct | scim/proxy | scim/Postman path | p50 | added p50 vs direct | gateway (scim) µs/request | ÷ nginx |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        """);
    for (Op op : Op.values()) {
      for (int c : OverheadBench.CONNECTIONS) {
        md.append("| ").append(op).append(" | ").append(c)
            .append(" | ").append(Stats.f0(overhead.medianRps(op, c, Route.GATEWAY_SCIM)))
            .append(" | ").append(Stats.f2(overhead.ratio(op, c, Route.GATEWAY_SCIM, Route.DIRECT)))
            .append(" | ").append(Stats.f2(overhead.ratio(op, c, Route.GATEWAY_SCIM, Route.PROXY)))
            .append(" | ").append(Stats.f2(overhead.ratio(op, c, Route.GATEWAY_SCIM, Route.GATEWAY)))
            .append(" | ").append(Stats.f2(overhead.medianP50(op, c, Route.GATEWAY_SCIM)))
            .append(" | ").append(Stats.signed2(overhead.addedP50(op, c, Route.GATEWAY_SCIM, Route.DIRECT)))
            .append(" | ").append(Stats.f1(overhead.medianPathCpu(op, c, Route.GATEWAY_SCIM)))
            .append(" | ").append(Stats.f1(overhead.cpuRatio(op, c, Route.GATEWAY_SCIM)))
            .append(" |\n");
      }
    }
    md.append("\n");
  }

  /** The gateway built from the baseline revision against this one, cell by cell of the same repetitions. */
  private void beforeAndAfter(StringBuilder md) {
    if (overhead.baselineRevision == null) {
      return;
    }
    md.append("**Before and after, in this run.** The gateway built from ").append(overhead.baselineRevision)
        .append(" (`BENCH_BASELINE`) ran as one more path in every repetition, with the same configuration, JVM options and ")
        .append("upstream; ratios are medians of the per-repetition ratios.\n\n");
    md.append("| Operation | Connections | Before req/s | After req/s | After / before | Before µs CPU/req | After µs CPU/req ")
        .append("| After / before CPU | Before vs nginx | After vs nginx | Before p50 ms | After p50 ms |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Op op : Op.values()) {
      for (int c : new int[] {16, 64}) {
        md.append("| ").append(op == Op.GET ? "GET /Users/{id}" : "POST /Users").append(" | ").append(c)
            .append(" | ").append(Stats.f0(overhead.medianRps(op, c, Route.GATEWAY_BEFORE)))
            .append(" | ").append(Stats.f0(overhead.medianRps(op, c, Route.GATEWAY)))
            .append(" | ").append(Stats.f2(overhead.ratio(op, c, Route.GATEWAY, Route.GATEWAY_BEFORE)))
            .append(" | ").append(Stats.f1(overhead.medianPathCpu(op, c, Route.GATEWAY_BEFORE)))
            .append(" | ").append(Stats.f1(overhead.medianPathCpu(op, c, Route.GATEWAY)))
            .append(" | ").append(Stats.f2(overhead.cpuRatio(op, c, Route.GATEWAY, Route.GATEWAY_BEFORE)))
            .append(" | ").append(Stats.f2(overhead.ratio(op, c, Route.GATEWAY_BEFORE, Route.PROXY)))
            .append(" | ").append(Stats.f2(overhead.ratio(op, c, Route.GATEWAY, Route.PROXY)))
            .append(" | ").append(Stats.f2(overhead.medianP50(op, c, Route.GATEWAY_BEFORE)))
            .append(" | ").append(Stats.f2(overhead.medianP50(op, c, Route.GATEWAY)))
            .append(" |\n");
      }
    }
    md.append("\n");
  }

  /** Issue #15's targets for the gateway's own cost, each read off the overhead benchmark. */
  private enum OverheadTarget {
    GET_CPU("gateway CPU per request ≤ 60 µs", Op.GET, 16, 60, false),
    POST_CPU("gateway CPU per request ≤ 90 µs", Op.POST, 16, 90, false),
    GET_THROUGHPUT("throughput ≥ 0.5 × the nginx proxy", Op.GET, 16, 0.5, true),
    POST_THROUGHPUT("throughput ≥ 0.35 × the nginx proxy", Op.POST, 16, 0.35, true),
    GET_LATENCY("adds < 1 ms at p50 (vs direct)", Op.GET, 64, 1.0, false),
    POST_LATENCY("adds < 1 ms at p50 (vs direct)", Op.POST, 64, 1.0, false),
    GET_PACED_LATENCY("adds < 1 ms at p50 (vs direct), paced", Op.GET, OverheadBench.PACED_CONNECTIONS, 1.0, false),
    POST_PACED_LATENCY("adds < 1 ms at p50 (vs direct), paced", Op.POST, OverheadBench.PACED_CONNECTIONS, 1.0, false);

    final String label;
    final Op op;
    final int connections;
    final double bound;
    final boolean atLeast;

    OverheadTarget(String label, Op op, int connections, double bound, boolean atLeast) {
      this.label = label;
      this.op = op;
      this.connections = connections;
      this.bound = bound;
      this.atLeast = atLeast;
    }

    double measure(OverheadBench.Result overhead) {
      return switch (this) {
        case GET_CPU, POST_CPU -> overhead.medianPathCpu(op, connections, Route.GATEWAY);
        case GET_THROUGHPUT, POST_THROUGHPUT -> overhead.ratio(op, connections, Route.GATEWAY, Route.PROXY);
        case GET_LATENCY, POST_LATENCY -> overhead.addedP50(op, connections, Route.GATEWAY, Route.DIRECT);
        case GET_PACED_LATENCY, POST_PACED_LATENCY -> overhead.addedPacedP50(op, Route.GATEWAY, Route.DIRECT);
      };
    }

    boolean paced() {
      return this == GET_PACED_LATENCY || this == POST_PACED_LATENCY;
    }

    /** The measured cell, e.g. {@code GET c=16} or {@code POST c=64 paced}. */
    String cell() {
      return op + " c=" + connections + (paced() ? " paced" : "");
    }

    boolean met(double measured) {
      boolean latency = this == GET_LATENCY || this == POST_LATENCY || paced();
      return atLeast ? measured >= bound : latency ? measured < bound : measured <= bound;
    }

    String format(double measured) {
      return switch (this) {
        case GET_CPU, POST_CPU -> Stats.f1(measured) + " µs";
        case GET_THROUGHPUT, POST_THROUGHPUT -> Stats.f2(measured) + " ×";
        case GET_LATENCY, POST_LATENCY, GET_PACED_LATENCY, POST_PACED_LATENCY -> Stats.signed2(measured) + " ms";
      };
    }

    String shortfall(double measured) {
      double off = atLeast ? (bound - measured) / bound : (measured - bound) / bound;
      return off < 0.01 ? "missed by less than 1 % of the target" : String.format("missed by %.0f %% of the target", off * 100);
    }
  }

  // ---- summary

  private void summary(StringBuilder md) {
    md.append("## Summary of the targets\n\n| Target | Result |\n|---|---|\n");
    if (overhead != null) {
      for (OverheadTarget target : OverheadTarget.values()) {
        double measured = target.measure(overhead);
        md.append("| ").append(target.label).append(" (").append(target.cell())
            .append(") | ").append(verdict(target.met(measured), "")).append(": ").append(target.format(measured))
            .append(target.met(measured) ? "" : ", " + target.shortfall(measured)).append(" |\n");
      }
    }
    if (burst != null) {
      List<BurstBench.Run> through = burst.runs.stream().filter(r -> r.variant() != BurstBench.Variant.DIRECT).toList();
      long total429 = through.stream().mapToLong(BurstBench.Run::upstream429).sum();
      long failures = through.stream().mapToLong(BurstBench.Run::idpFailures).sum();
      md.append("| Burst: 0 upstream 429s | ").append(verdict(total429 == 0, "")).append(": ").append(total429).append(" |\n");
      md.append("| Burst: 0 IdP-visible failures | ").append(verdict(failures == 0, "")).append(": ").append(failures).append(" |\n");
    }
    if (overhead != null) {
      if (anyMissed(OverheadTarget.GET_CPU, OverheadTarget.POST_CPU, OverheadTarget.GET_THROUGHPUT, OverheadTarget.POST_THROUGHPUT)) {
        md.append("\n").append(ProfileNotes.COST_TARGETS);
      }
      if (anyMissed(OverheadTarget.GET_LATENCY, OverheadTarget.POST_LATENCY)) {
        md.append("\n").append(ProfileNotes.LATENCY_TARGETS).append(latencyRequirement());
      }
    }
    md.append("\n").append(ProfileNotes.SCALE).append("\n");
  }

  private boolean anyMissed(OverheadTarget... targets) {
    return Arrays.stream(targets).anyMatch(target -> !target.met(target.measure(overhead)));
  }

  /**
   * What throughput a saturated latency target asks for: p50 ≈ connections ÷ throughput, so adding less than the
   * bound to direct's p50 needs connections ÷ (direct p50 + bound) requests a second.
   */
  private String latencyRequirement() {
    StringBuilder text = new StringBuilder("In this run: ");
    String separator = "";
    for (OverheadTarget target : List.of(OverheadTarget.GET_LATENCY, OverheadTarget.POST_LATENCY)) {
      double directP50 = overhead.medianP50(target.op, target.connections, Route.DIRECT);
      double needed = target.connections / ((directP50 + target.bound) / 1000.0);
      text.append(separator).append(target.op).append(" at ").append(target.connections).append(" connections would need ")
          .append(Stats.f0(needed)).append(" requests a second (direct's p50 ").append(Stats.f2(directP50))
          .append(" ms plus ").append(Stats.f0(target.bound)).append(" ms), ")
          .append(Stats.f2(needed / overhead.medianRps(target.op, target.connections, Route.PROXY)))
          .append(" × nginx's and ")
          .append(Stats.f2(needed / overhead.medianRps(target.op, target.connections, Route.VERTX_PROXY)))
          .append(" × the bare pass-through's throughput there; the gateway serves ")
          .append(Stats.f0(overhead.medianRps(target.op, target.connections, Route.GATEWAY))).append(" a second");
      separator = "; ";
    }
    return text.append(".\n").toString();
  }

  private static String verdict(boolean met, String how) {
    return met ? "**met**" : "**missed**" + (how.isEmpty() ? "" : " (" + how + ")");
  }

  private static String range(List<Double> values) {
    return Stats.f0(values.stream().mapToDouble(d -> d).min().orElse(Double.NaN)) + "–"
        + Stats.f0(values.stream().mapToDouble(d -> d).max().orElse(Double.NaN));
  }

  private static String mib(long bytes) {
    return bytes < 0 ? "–" : String.format("%.1f MiB", bytes / 1048576.0);
  }
}
