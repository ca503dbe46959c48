package dev.scimgateway.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real gateway program in a JVM of its own, as an operator runs it, with everything it prints in one file. */
record GatewayProcess(Process process, int port, Path output) {

  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

  /** Starts {@code GatewayMain --config config} and waits until it listens. */
  static GatewayProcess start(Path config, Path output, Map<String, String> environment) throws IOException, InterruptedException {
    return start(config, output, environment, List.of());
  }

  /** As {@link #start(Path, Path, Map)}, with options for the JVM, e.g. {@code -Dname=value}. */
  static GatewayProcess start(Path config, Path output, Map<String, String> environment, List<String> jvmOptions)
      throws IOException, InterruptedException {
    ProcessBuilder builder = command(jvmOptions, List.of("--config", config.toString()))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    return new GatewayProcess(process, awaitPort(process, output), output);
  }

  /** The command line that runs {@code GatewayMain} with {@code args} on the test class path. */
  static ProcessBuilder command(List<String> args) {
    return command(List.of(), args);
  }

  static ProcessBuilder command(List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), GatewayMain.class.getName()));
    command.addAll(args);
    return new ProcessBuilder(command);
  }

  String printed() throws IOException {
    return Files.readString(output);
  }

  private static int awaitPort(Process process, Path output) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && process.isAlive()) {
      Matcher matcher = LISTENING.matcher(Files.exists(output) ? Files.readString(output) : "");
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    process.destroyForcibly();
    throw new AssertionError("the gateway did not start: " + Files.readString(output));
  }
}
