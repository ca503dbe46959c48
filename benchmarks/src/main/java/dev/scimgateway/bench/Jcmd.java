package dev.scimgateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** jcmd against a process the suite started. */
final class Jcmd {

  private Jcmd() {}

  static String run(long pid, String... command) {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    line.add(String.valueOf(pid));
    line.addAll(List.of(command));
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("jcmd did not finish: " + line);
      }
      return new String(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run jcmd: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Live objects after a full GC (GC.class_histogram collects first): total bytes and the largest classes. */
  record Histogram(long totalBytes, long instances, List<String> top) {}

  static Histogram liveHistogram(long pid, int topN) {
    String output = run(pid, "GC.class_histogram");
    long total = -1;
    long instances = -1;
    List<String> top = new ArrayList<>();
    Pattern row = Pattern.compile("^\\s*(\\d+):\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    Pattern totals = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");
    for (String line : output.split("\n")) {
      Matcher m = row.matcher(line);
      if (m.find() && top.size() < topN) {
        top.add(String.format("%s: %,d instances, %.1f MiB", m.group(4), Long.parseLong(m.group(2)),
            Long.parseLong(m.group(3)) / 1048576.0));
      }
      Matcher t = totals.matcher(line);
      if (t.find()) {
        instances = Long.parseLong(t.group(1));
        total = Long.parseLong(t.group(2));
      }
    }
    return new Histogram(total, instances, top);
  }

  /**
   * The heap's "used" after {@code GC.run}, in kB, from {@code GC.heap_info}: the sum over its generations (G1 prints
   * one line for the whole heap, the parallel and serial collectors one per generation).
   */
  static long heapUsedAfterGcKb(long pid) {
    run(pid, "GC.run");
    String info = run(pid, "GC.heap_info");
    Matcher generation = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
    long used = -1;
    while (generation.find()) {
      used = Math.max(used, 0) + Long.parseLong(generation.group(1));
    }
    return used;
  }
}
