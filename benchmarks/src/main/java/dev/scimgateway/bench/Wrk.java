package dev.scimgateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (Debian's package) against a loopback URL for a bounded time and reads its summary. */
final class Wrk {

  /** What one wrk run measured. Latencies in milliseconds. */
  record Result(double requestsPerSecond, double p50Ms, double p99Ms, long requests, long errors, long non2xx) {

    boolean clean() {
      return errors == 0 && non2xx == 0 && requests > 0;
    }
  }

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

  private final Path work;

  Wrk(Path work) {
    this.work = work;
  }

  /** A Lua script that turns every request into a POST of {@code body}. */
  Path postScript(String name, String body) {
    return script(name, post(body));
  }

  /**
   * A Lua script that makes each connection wait a random 0 to 2 × {@code meanDelayMillis} ms before each next
   * request (wrk's {@code delay()}; the wait is not part of the latency wrk records); a POST of {@code postBody}
   * unless it is null.
   */
  Path pacedScript(String name, String postBody, int meanDelayMillis) {
    return script(name, (postBody == null ? "" : post(postBody))
        + "function delay()\n  return math.random(0, " + 2 * meanDelayMillis + ")\nend\n");
  }

  private static String post(String body) {
    return "wrk.method = \"POST\"\n"
        + "wrk.body = [==[" + body + "]==]\n"
        + "wrk.headers[\"Content-Type\"] = \"application/scim+json\"\n";
  }

  private Path script(String name, String lua) {
    Path script = work.resolve(name + ".lua");
    try {
      Files.createDirectories(work);
      Files.writeString(script, lua);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return script;
  }

  /**
   * {@code connections} keep-alive connections for {@code seconds}; one wrk thread per connection, at most
   * two (the machine has two cores).
   */
  Result run(String url, int connections, int seconds, String authorization, Path script) {
    if (!url.startsWith("http://" + Net.HOST + ":")) {
      throw new IllegalArgumentException("load goes to 127.0.0.1 only: " + url);
    }
    List<String> command = new ArrayList<>(List.of("wrk", "-t", String.valueOf(Math.min(2, connections)),
        "-c", String.valueOf(connections), "-d", seconds + "s", "--timeout", "10s", "--latency"));
    if (authorization != null) {
      command.addAll(List.of("-H", "Authorization: " + authorization));
    }
    if (script != null) {
      command.addAll(List.of("-s", script.toString()));
    }
    command.add(url);
    String output;
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] bytes;
      if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("wrk did not finish: " + command);
      }
      bytes = process.getInputStream().readAllBytes();
      output = new String(bytes, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException("wrk failed (" + process.exitValue() + "): " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run wrk (apt-get install -y wrk): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return parse(output);
  }

  static Result parse(String output) {
    double rps = number(RPS, output);
    long requests = (long) number(REQUESTS, output);
    long errors = 0;
    Matcher socket = SOCKET_ERRORS.matcher(output);
    if (socket.find()) {
      for (int i = 1; i <= 4; i++) {
        errors += Long.parseLong(socket.group(i));
      }
    }
    Matcher non2xx = NON_2XX.matcher(output);
    long bad = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
    return new Result(rps, percentile(output, "50%"), percentile(output, "99%"), requests, errors, bad);
  }

  private static double number(Pattern pattern, String output) {
    Matcher matcher = pattern.matcher(output);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
  }

  /** A line of the latency distribution, e.g. {@code 50%  312.00us}, in milliseconds. */
  private static double percentile(String output, String label) {
    Matcher matcher = Pattern.compile("^\\s+" + Pattern.quote(label) + "\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
        .matcher(output);
    if (!matcher.find()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(matcher.group(1));
    return switch (matcher.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }
}
