package dev.scimgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs the selected benchmarks one after the other and writes the report. */
final class Bench {

  private static final long STARTED = System.nanoTime();
  /**
   * Seconds of load per path and operation before the measured runs (twice that for a gateway): with 5, the
   * gateway's first repetition still ran at a half or a third of the next ones' throughput, its JIT not done.
   */
  private static final int WARM_UP_SECONDS = 10;

  final Path repo;
  final Path out;
  final int repetitions;
  final int seconds;
  final Set<String> only;
  final String command;

  final Path work;

  Bench(Path repo, Path out, int repetitions, int seconds, String only, String command, Path work) {
    this.repo = repo;
    this.work = work;
    this.out = out.isAbsolute() ? out : repo.resolve(out);
    this.repetitions = repetitions;
    this.seconds = seconds;
    this.only = Set.copyOf(List.of(only.split(",")));
    this.command = command;
  }

  static void log(String line) {
    System.out.printf("[%6.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9, line);
    System.out.flush();
  }

  void run() throws IOException {
    Files.createDirectories(work);
    log("work directory (logs, configurations, the JFR recording): " + work);
    Stack stack = new Stack(repo, work);
    Report report = new Report();
    report.date = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC).withNano(0)) + "Z";
    report.machine = Machine.describe(repo);
    report.command = command;
    report.repetitions = repetitions;
    report.seconds = seconds;
    Map<String, String> failures = new LinkedHashMap<>();
    section("overhead", failures, report, () -> report.overhead = new OverheadBench(stack, repetitions, seconds, WARM_UP_SECONDS).run());
    section("efficiency", failures, report, () -> report.efficiency = new EfficiencyBench(stack).run());
    section("burst", failures, report, () -> report.burst = new BurstBench(stack, repetitions).run());
    section("footprint", failures, report, () -> report.footprint = new FootprintBench(stack, repetitions).run());
    section("profile", failures, report, () -> report.profile = new ProfileBench(stack, Math.max(10, seconds + 2)).run());
    section("loops", failures, report,
        () -> report.loops = new LoopsBench(stack, repetitions, seconds, WARM_UP_SECONDS, report.machine.cores()).run());
    report.failures = failures;
    report.totalSeconds = (System.nanoTime() - STARTED) / 1e9;
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.markdown());
    log("wrote " + out + (failures.isEmpty() ? "" : " (with failures: " + failures.keySet() + ")"));
    if (!failures.isEmpty()) {
      System.exit(1);
    }
  }

  private interface Section {
    void run() throws Exception;
  }

  private void section(String name, Map<String, String> failures, Report report, Section section) {
    if (!only.contains(name)) {
      return;
    }
    String before = Machine.loadAverage();
    log(name + ": starting (load average " + before + ")");
    long started = System.nanoTime();
    try {
      section.run();
    } catch (Exception | Error e) {
      failures.put(name, String.valueOf(e));
      log(name + ": FAILED: " + e);
      e.printStackTrace(System.out);
    }
    report.loads.put(name, before + " → " + Machine.loadAverage());
    report.durations.put(name, (System.nanoTime() - started) / 1e9);
    log(name + ": done in " + Stats.f0((System.nanoTime() - started) / 1e9) + " s");
  }
}
