package dev.scimgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A process the suite started (gateway, upstream, simulator, nginx). Only these are ever stopped, by their
 * own handle; a shutdown hook stops whatever is still running when the suite ends or is interrupted.
 */
final class Child implements AutoCloseable {

  private static final List<Child> RUNNING = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> new ArrayList<>(RUNNING).forEach(Child::close), "bench-children"));
  }

  final String name;
  final Process process;
  final Path stderr;
  final long startedNanos;

  private Child(String name, Process process, Path stderr, long startedNanos) {
    this.name = name;
    this.process = process;
    this.stderr = stderr;
    this.startedNanos = startedNanos;
  }

  /** Starts {@code command}; standard output is discarded unless {@code stdout} is given, standard error goes to a file. */
  static Child start(String name, Path workDir, List<String> command, Path stdout) {
    try {
      Files.createDirectories(workDir);
      Path err = workDir.resolve(name + ".err");
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(workDir.toFile())
          .redirectError(err.toFile())
          .redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
      long started = System.nanoTime();
      Process process = builder.start();
      Child child = new Child(name, process, err, started);
      RUNNING.add(child);
      return child;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** A line of /proc/PID/status in kB, e.g. {@code VmRSS}; -1 when unreadable. */
  long statusKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** CPU time (user and system) of the process and its descendants (nginx's workers), in nanoseconds. */
  long cpuNanos() {
    long total = process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    for (ProcessHandle descendant : process.descendants().toList()) {
      total += descendant.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }
    return total;
  }

  long rssKb() {
    return statusKb("VmRSS");
  }

  long peakRssKb() {
    return statusKb("VmHWM");
  }

  /** The last lines of its standard error, for failure messages. */
  String errTail() {
    try {
      List<String> lines = Files.readAllLines(stderr);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no stderr)";
    }
  }

  /** SIGTERM, then SIGKILL after 10 s. */
  @Override
  public void close() {
    if (!RUNNING.remove(this)) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
