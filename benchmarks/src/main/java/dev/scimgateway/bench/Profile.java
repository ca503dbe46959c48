package dev.scimgateway.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Benchmark 5: a JFR recording of the gateway under the overhead benchmark's load, summarized: where
 * execution samples land by component (the frame nearest the leaf that belongs to a library or to the
 * gateway), the hottest leaf methods, the gateway methods most often on the stack, allocation by class,
 * GC pauses and lock contention.
 */
final class Profile {

  /** A name and its share of the samples (or bytes). */
  record Row(String name, double percent, long count) {}

  record Summary(long samples, List<Row> components, List<Row> leaves, List<Row> gatewayMethods, List<Row> allocations,
      long gcCount, double gcPauseMillis, long monitorEnters, List<Row> contended, double seconds, long nativeSamples,
      List<Row> natives) {

    String markdown() {
      StringBuilder md = new StringBuilder();
      md.append(String.format("%,d execution samples over %.0f s.%n%n", samples, seconds));
      md.append("Where the samples land, by component (the frame nearest the leaf that belongs to a library or to the gateway; "
          + "JDK frames count for their caller, except the ones named):\n\n| Component | Share of samples |\n|---|---:|\n");
      components.forEach(r -> md.append("| ").append(r.name()).append(" | ").append(String.format("%.1f %%", r.percent())).append(" |\n"));
      md.append("\nHottest leaf methods:\n\n| Method | Share of samples |\n|---|---:|\n");
      leaves.forEach(r -> md.append("| `").append(r.name()).append("` | ").append(String.format("%.1f %%", r.percent())).append(" |\n"));
      md.append("\nGateway methods most often on the stack (inclusive):\n\n| Method | Share of samples |\n|---|---:|\n");
      gatewayMethods.forEach(r -> md.append("| `").append(r.name()).append("` | ").append(String.format("%.1f %%", r.percent())).append(" |\n"));
      md.append(String.format("%nThreads in native code (jdk.NativeMethodSample, %,d samples; waiting for I/O left out):%n%n",
          nativeSamples));
      md.append("| Native method ← caller | Share of native samples |\n|---|---:|\n");
      natives.forEach(r -> md.append("| `").append(r.name()).append("` | ").append(String.format("%.1f %%", r.percent())).append(" |\n"));
      md.append("\nAllocation (sampled, by class):\n\n| Class | Share of allocated bytes |\n|---|---:|\n");
      allocations.forEach(r -> md.append("| `").append(r.name()).append("` | ").append(String.format("%.1f %%", r.percent())).append(" |\n"));
      md.append(String.format("%nGC: %d collections, %.0f ms of pauses in all. Monitor contention (jdk.JavaMonitorEnter, ≥ 10 ms): %d events%s.%n",
          gcCount, gcPauseMillis, monitorEnters, contended.isEmpty() ? "" : ", on " + String.join(", ",
              contended.stream().map(r -> "`" + r.name() + "` (" + r.count() + ")").toList())));
      return md.toString();
    }
  }

  private static final List<Map.Entry<String, String>> COMPONENTS = List.of(
      Map.entry("java.util.UUID", "request ids (UUID)"),
      Map.entry("sun.security.provider", "SHA-256, SecureRandom"),
      Map.entry("java.security", "SHA-256, SecureRandom"),
      Map.entry("java.io.PrintStream", "stdout (request lines)"),
      Map.entry("java.io.FileOutputStream", "stdout (request lines)"),
      Map.entry("java.io.BufferedOutputStream", "stdout (request lines)"),
      Map.entry("sun.nio.cs", "stdout (request lines)"),
      Map.entry("java.time", "java.time (timestamps)"),
      Map.entry("java.util.regex", "java.util.regex"),
      Map.entry("com.fasterxml.jackson", "Jackson (JSON)"),
      Map.entry("io.micrometer", "Micrometer (metrics)"),
      Map.entry("io.vertx.micrometer", "Micrometer (metrics)"),
      Map.entry("com.github.benmanes.caffeine", "Caffeine (id cache)"),
      Map.entry("com.unboundid", "UnboundID SCIM SDK"),
      Map.entry("dev.scimgateway.core.observability", "gateway: request log, metrics"),
      Map.entry("dev.scimgateway.core", "gateway: core"),
      Map.entry("dev.scimgateway.postman", "gateway: Postman adapter"),
      Map.entry("dev.scimgateway", "gateway: other"),
      Map.entry("io.vertx.ext.web.client", "Vert.x Web Client"),
      Map.entry("io.vertx.uritemplate", "Vert.x Web Client"),
      Map.entry("io.vertx.ext.web", "Vert.x Web (router, handlers)"),
      Map.entry("io.vertx.core.http", "Vert.x HTTP"),
      Map.entry("io.vertx", "Vert.x core"),
      Map.entry("io.netty", "Netty (I/O, HTTP codec)"));

  /** Native frames of threads waiting (for I/O, a lock, a timer), not working. */
  private static final java.util.regex.Pattern IDLE =
      java.util.regex.Pattern.compile("(?i)epollWait|epollBusyWait|\\.poll|wait|park|sleep|accept|select");

  private Profile() {}

  static Summary summarize(Path recording) throws IOException {
    long samples = 0;
    Map<String, Long> components = new HashMap<>();
    Map<String, Long> leaves = new HashMap<>();
    Map<String, Long> gateway = new HashMap<>();
    Map<String, Long> allocations = new HashMap<>();
    Map<String, Long> contended = new HashMap<>();
    Map<String, Long> natives = new HashMap<>();
    long nativeSamples = 0;
    long allocated = 0;
    long gcCount = 0;
    double gcPause = 0;
    long monitorEnters = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        String type = event.getEventType().getName();
        switch (type) {
          case "jdk.ExecutionSample" -> {
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
              continue;
            }
            samples++;
            long t = event.getStartTime().toEpochMilli();
            first = Math.min(first, t);
            last = Math.max(last, t);
            List<RecordedFrame> frames = stack.getFrames();
            leaves.merge(name(frames.get(0)), 1L, Long::sum);
            components.merge(component(frames), 1L, Long::sum);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (RecordedFrame frame : frames) {
              String name = name(frame);
              if (name.startsWith("dev.scimgateway.") && seen.add(name)) {
                gateway.merge(name, 1L, Long::sum);
              }
            }
          }
          case "jdk.NativeMethodSample" -> {
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
              continue;
            }
            nativeSamples++;
            List<RecordedFrame> frames = stack.getFrames();
            String leaf = name(frames.get(0));
            if (!IDLE.matcher(leaf).find()) {
              natives.merge(leaf + (frames.size() > 1 ? " ← " + name(frames.get(1)) : ""), 1L, Long::sum);
            }
          }
          case "jdk.ObjectAllocationSample" -> {
            long weight = event.getLong("weight");
            allocated += weight;
            allocations.merge(event.getClass("objectClass").getName(), weight, Long::sum);
          }
          case "jdk.GarbageCollection" -> {
            gcCount++;
            gcPause += event.getDuration("sumOfPauses").toNanos() / 1e6;
          }
          case "jdk.JavaMonitorEnter" -> {
            monitorEnters++;
            contended.merge(event.getClass("monitorClass").getName(), 1L, Long::sum);
          }
          default -> {
            // not summarized
          }
        }
      }
    }
    return new Summary(samples, top(components, samples, 30), top(leaves, samples, 15), top(gateway, samples, 15),
        top(allocations, allocated, 10), gcCount, gcPause, monitorEnters, top(contended, Math.max(1, monitorEnters), 5),
        samples == 0 ? 0 : (last - first) / 1000.0, nativeSamples, top(natives, Math.max(1, nativeSamples), 8));
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static String component(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      for (Map.Entry<String, String> component : COMPONENTS) {
        if (type.startsWith(component.getKey())) {
          return component.getValue();
        }
      }
    }
    return "JDK, other";
  }

  private static List<Row> top(Map<String, Long> counts, long total, int n) {
    List<Row> rows = new ArrayList<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n)
        .forEach(e -> rows.add(new Row(e.getKey(), total == 0 ? 0 : 100.0 * e.getValue() / total, e.getValue())));
    return rows;
  }
}
