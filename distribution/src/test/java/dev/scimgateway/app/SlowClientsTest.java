package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Clients that open connections and send slowly or not at all are cut off: a request must be
 * complete within the read deadlines, and a kept-alive connection may idle only so long. The limits
 * here are small; the assertions are about closing, not about when.
 */
class SlowClientsTest {

  private static final String USERS = "/scim/v2/acme/Users";

  /** Read deadlines short, idle timeout long: only the deadlines can close these connections. */
  @Nested
  class ReadDeadlines {

    @Test
    void aConnectionThatSendsHalfARequestLineIsClosed() throws Exception {
      try (GatewayHarness harness = GatewayHarness.withServerSettings(
          "idleTimeoutMillis: 60000\nheaderReadTimeoutMillis: 300\nbodyReadTimeoutMillis: 300");
          Socket socket = new Socket("127.0.0.1", harness.gateway.port())) {
        send(socket, "GET /scim/v2/ac");

        assertTrue(RawHttp.closesWhileWaiting(socket), "closed, though not idle for the idle timeout");
      }
    }

    @Test
    void aConnectionThatTricklesItsHeadersIsClosedThoughNeverIdle() throws Exception {
      try (GatewayHarness harness = GatewayHarness.withServerSettings(
          "idleTimeoutMillis: 60000\nheaderReadTimeoutMillis: 300\nbodyReadTimeoutMillis: 300");
          Socket socket = new Socket("127.0.0.1", harness.gateway.port())) {
        String request = "GET " + USERS + " HTTP/1.1\r\nHost: localhost\r\n" + "X-Slow: x\r\n".repeat(1_000);
        boolean closed = false;
        for (int i = 0; i < request.length() && !closed; i++) {
          try {
            send(socket, request.substring(i, i + 1));
            Thread.sleep(20);
          } catch (IOException reset) {
            closed = true;
          }
        }
        assertTrue(closed || RawHttp.closesWhileWaiting(socket), "a slowloris connection is cut off");
      }
    }

    @Test
    void aBodyThatStopsHalfWayClosesTheConnection() throws Exception {
      try (CapturedLogs logs = CapturedLogs.install(); GatewayHarness harness = GatewayHarness.withServerSettings(
          "idleTimeoutMillis: 60000\nheaderReadTimeoutMillis: 300\nbodyReadTimeoutMillis: 300");
          Socket socket = new Socket("127.0.0.1", harness.gateway.port())) {
        send(socket, "POST " + USERS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + GatewayHarness.TOKEN
            + "\r\nContent-Type: application/scim+json\r\nContent-Length: 100\r\n\r\n{\"userName\":");

        assertTrue(RawHttp.closesWhileWaiting(socket), "closed although the headers were complete");
        assertEquals(0, harness.simulator.requests().size());
        assertEquals(List.of(), logs.withStackTraces().stream().map(r -> r.getMessage()).toList(), "a slow client is no bug");
      }
    }

    @Test
    void manySlowConnectionsAreAllClosedAndHealthAnswersMeanwhile() throws Exception {
      try (GatewayHarness harness = GatewayHarness.withServerSettings(
          "idleTimeoutMillis: 60000\nheaderReadTimeoutMillis: 500\nbodyReadTimeoutMillis: 500")) {
        List<Socket> sockets = new ArrayList<>();
        try {
          for (int i = 0; i < 100; i++) {
            Socket socket = new Socket("127.0.0.1", harness.gateway.port());
            sockets.add(socket);
            send(socket, "GET /scim/v2/acme/Users HTTP/1.1\r\nHost: local");
          }
          assertEquals(200, harness.send(HttpMethod.GET, "/health", null, null).status());
          for (Socket socket : sockets) {
            assertTrue(RawHttp.closesWhileWaiting(socket));
          }
        } finally {
          for (Socket socket : sockets) {
            socket.close();
          }
        }
      }
    }

    @Test
    void completeRequestsAreServedAsUsual() throws Exception {
      try (GatewayHarness harness = GatewayHarness.withServerSettings(
          "idleTimeoutMillis: 60000\nheaderReadTimeoutMillis: 3000\nbodyReadTimeoutMillis: 3000")) {
        assertEquals(200, harness.get(USERS).status());
        assertEquals(201, harness.post(USERS, GatewayRig.user("usual@example.com", "u1")).status(), "with a body");
        assertEquals(200, harness.get(USERS).status(), "and again on the kept-alive connection");
      }
    }
  }

  /** Idle timeout short, read deadlines long: only the idle timeout can close these connections. */
  @Nested
  class IdleTimeout {

    @Test
    void anIdleKeptAliveConnectionIsClosed() throws Exception {
      try (GatewayHarness harness = GatewayHarness.withServerSettings(
          "idleTimeoutMillis: 300\nheaderReadTimeoutMillis: 60000\nbodyReadTimeoutMillis: 60000");
          Socket socket = new Socket("127.0.0.1", harness.gateway.port())) {
        send(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
        socket.setSoTimeout(RawHttp.PATIENCE_MILLIS);
        RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
        assertEquals(200, answer.status());
        assertTrue(answer.header("Connection") == null || !answer.header("Connection").equals("close"), "kept alive");

        assertTrue(RawHttp.closesWhileWaiting(socket), "closed once idle");
      }
    }

    @Test
    void manyIdleKeptAliveConnectionsAreAllClosed() throws Exception {
      try (GatewayHarness harness = GatewayHarness.withServerSettings(
          "idleTimeoutMillis: 500\nheaderReadTimeoutMillis: 60000\nbodyReadTimeoutMillis: 60000")) {
        List<Socket> sockets = new ArrayList<>();
        try {
          for (int i = 0; i < 200; i++) {
            Socket socket = new Socket("127.0.0.1", harness.gateway.port());
            sockets.add(socket);
            send(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
            socket.setSoTimeout(RawHttp.PATIENCE_MILLIS);
            assertEquals(200, RawHttp.read(socket.getInputStream()).status());
          }
          for (Socket socket : sockets) {
            assertTrue(RawHttp.closesWhileWaiting(socket));
          }
        } finally {
          for (Socket socket : sockets) {
            socket.close();
          }
        }
      }
    }

    @Test
    void aConnectionThatNeverSendsIsClosed() throws Exception {
      try (GatewayHarness harness = GatewayHarness.withServerSettings(
          "idleTimeoutMillis: 300\nheaderReadTimeoutMillis: 60000\nbodyReadTimeoutMillis: 60000");
          Socket socket = new Socket("127.0.0.1", harness.gateway.port())) {
        assertTrue(RawHttp.closesWhileWaiting(socket));
      }
    }
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }
}
