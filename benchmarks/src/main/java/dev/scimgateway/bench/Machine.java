package dev.scimgateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the numbers were measured on. */
record Machine(int cores, String cpuModel, String free, String javaVersion, String kernel, String wrk, String nginx,
    String commit) {

  static Machine describe(Path repo) {
    String cpu = "unknown";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    } catch (IOException ignored) {
      // stays unknown
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String commit = sh(repo, "git", "rev-parse", "--short", "HEAD").trim();
    boolean dirty = !sh(repo, "git", "status", "--porcelain", "--untracked-files=no").isBlank();
    return new Machine(Runtime.getRuntime().availableProcessors(), cpu, sh(repo, "free", "-h").stripTrailing(),
        sh(repo, java, "-version").stripTrailing(), sh(repo, "uname", "-srm").trim(),
        sh(repo, "wrk", "-v").lines().findFirst().orElse("?").replace("Copyright (C) 2012 Will Glozer", "").trim(),
        sh(repo, "nginx", "-v").trim(), commit + (dirty ? " (with uncommitted changes)" : ""));
  }

  /** /proc/loadavg's first three numbers: how busy the shared machine was. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  static String sh(Path dir, String... command) {
    try {
      Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      process.waitFor(30, TimeUnit.SECONDS);
      return new String(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(" + command[0] + ": " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted)";
    }
  }
}
