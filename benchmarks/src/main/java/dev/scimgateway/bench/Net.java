package dev.scimgateway.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Loopback only: free ports and small blocking HTTP calls for control and checks (not for load). */
final class Net {

  static final String HOST = "127.0.0.1";

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  private Net() {}

  /** A port that was free a moment ago on 127.0.0.1. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  record Response(int status, String body) {}

  static String url(int port, String path) {
    return "http://" + HOST + ":" + port + path;
  }

  /** Any request; {@code token} null sends no Authorization, {@code body} null no body. */
  static Response send(String method, String url, String authorization, String body) {
    return send(method, url, authorization, body, Duration.ofSeconds(120));
  }

  static Response send(String method, String url, String authorization, String body, Duration timeout) {
    if (!url.startsWith("http://" + HOST + ":")) {
      throw new IllegalArgumentException("the suite talks to 127.0.0.1 only: " + url);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null) {
      request.header("Content-Type", "application/scim+json");
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (java.net.http.HttpTimeoutException e) {
      return new Response(-2, String.valueOf(e));
    } catch (IOException e) {
      return new Response(-1, String.valueOf(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(-1, "interrupted");
    }
  }

  static Response get(String url) {
    return send("GET", url, null, null);
  }

  /** How long one readiness poll may take; a poll that gets no answer in time is counted and retried. */
  static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

  /** Readiness polls that got no answer at all (see {@link FootprintBench}). */
  static final java.util.concurrent.atomic.AtomicInteger HUNG_POLLS = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * Polls {@code url} every 5 ms until it answers 200; the nanoTime it did, or throws after {@code timeout}
   * (or when {@code child} died).
   */
  static long awaitOk(String url, String authorization, Duration timeout, Child child) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Response response = send("GET", url, authorization, null, POLL_TIMEOUT);
      if (response.status() == 200) {
        return System.nanoTime();
      }
      if (response.status() == -2) {
        HUNG_POLLS.incrementAndGet();
      }
      if (child != null && !child.alive()) {
        throw new IllegalStateException(child.name + " exited with " + child.process.exitValue() + ":\n" + child.errTail());
      }
      sleep(5);
    }
    throw new IllegalStateException(url + " did not answer 200 within " + timeout.toSeconds() + " s"
        + (child == null ? "" : ":\n" + child.errTail()));
  }

  /** Pauses the orchestrator's main thread between polls (never called on an event loop). */
  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
