package dev.scimgateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Records the gateway with JFR ({@code settings=profile}, started with {@code jcmd JFR.start} once the JIT has
 * warmed up, in a JVM whose flight recorder was already running since launch) while wrk drives the overhead benchmark's {@code GET /Users/{id}} and {@code POST /Users} at 16
 * connections, then summarizes the recording.
 */
final class ProfileBench {

  record Result(Profile.Summary summary, Wrk.Result get, Wrk.Result post, Path recording, int seconds) {}

  private final Stack stack;
  private final int seconds;

  /**
   * The JDK's {@code profile} settings with Java execution sampled every millisecond instead of every 10 ms
   * (more samples from a short run) and native sampling every 10 ms.
   */
  private Path settings() throws java.io.IOException {
    Path jdk = Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc");
    String jfc = Files.readString(jdk)
        .replace("<setting name=\"period\" control=\"method-sampling-java-interval\">10 ms</setting>",
            "<setting name=\"period\" control=\"method-sampling-java-interval\">1 ms</setting>")
        .replace("<setting name=\"period\" control=\"method-sampling-native-interval\">20 ms</setting>",
            "<setting name=\"period\" control=\"method-sampling-native-interval\">10 ms</setting>");
    Path custom = stack.work.resolve("profile-1ms.jfc");
    Files.writeString(custom, jfc);
    return custom;
  }

  /**
   * A recording with no events, from launch: the flight recorder is then initialised before the JIT compiles the
   * hot path. Started for the first time in a warm JVM, it sent the gateway back to a fraction of its throughput for
   * the whole recording (7,000 → 1,100 requests per second), so the profile described a different program.
   */
  private List<String> recorderFromLaunch() throws java.io.IOException {
    Path empty = stack.work.resolve("no-events.jfc");
    Files.writeString(empty, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration version=\"2.0\" label=\"none\"/>\n");
    return List.of("-XX:StartFlightRecording=name=launch,settings=" + empty);
  }

  ProfileBench(Stack stack, int seconds) {
    this.stack = stack;
    this.seconds = seconds;
  }

  Result run() throws Exception {
    Wrk wrk = new Wrk(stack.work);
    Path post = wrk.postScript("post-user", OverheadBench.OKTA_CREATE);
    Path recording = stack.work.resolve("gateway-profile.jfr");
    Files.deleteIfExists(recording);
    int upstreamPort = Net.freePort();
    int gatewayPort = Net.freePort();
    try (Child upstream = stack.upstream(upstreamPort, 1000);
         Child gateway = stack.gateway("gateway-profile", gatewayPort, upstreamPort, Stack.noThrottle(), "", recorderFromLaunch(),
             true)) {
      String getUrl = OverheadBench.url(OverheadBench.Route.GATEWAY, OverheadBench.Op.GET, gatewayPort);
      String postUrl = OverheadBench.url(OverheadBench.Route.GATEWAY, OverheadBench.Op.POST, gatewayPort);
      int warmUp = OverheadBench.GATEWAY_WARM_UP_FACTOR * 10;
      wrk.run(getUrl, 16, warmUp, Stack.BEARER, null);
      wrk.run(postUrl, 16, warmUp, Stack.BEARER, post);
      Jcmd.run(gateway.pid(), "JFR.start", "name=bench", "settings=" + settings());
      Wrk.Result get = wrk.run(getUrl, 16, seconds, Stack.BEARER, null);
      Wrk.Result posted = wrk.run(postUrl, 16, seconds, Stack.BEARER, post);
      Jcmd.run(gateway.pid(), "JFR.dump", "name=bench", "filename=" + recording);
      Jcmd.run(gateway.pid(), "JFR.stop", "name=bench");
      Bench.log(String.format("profile: GET %,.0f req/s, POST %,.0f req/s under JFR; recording %s", get.requestsPerSecond(),
          posted.requestsPerSecond(), recording));
      if (!get.clean() || !posted.clean()) {
        throw new IllegalStateException("the profiled runs saw errors or non-2xx answers (GET " + get + ", POST " + posted
            + "); see " + gateway.stderr);
      }
      return new Result(Profile.summarize(recording), get, posted, recording, seconds);
    }
  }
}
