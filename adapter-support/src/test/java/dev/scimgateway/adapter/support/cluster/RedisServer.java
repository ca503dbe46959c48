package dev.scimgateway.adapter.support.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for tests: a child process on a free loopback port, without persistence,
 * that can be stopped and started again on the same port. Needs Debian's {@code redis-server} on the
 * PATH ({@code .ci/run} installs it).
 */
public final class RedisServer implements AutoCloseable {

  private final int port;
  private final String password;
  private Process process;

  private RedisServer(int port, String password) {
    this.port = port;
    this.password = password;
  }

  /** Starts a server without a password. */
  public static RedisServer start() {
    return start(null);
  }

  /** Starts a server that asks for {@code password} (user {@code default}), or none when null. */
  public static RedisServer start(String password) {
    RedisServer server = new RedisServer(freePort(), password);
    server.restart();
    return server;
  }

  public int port() {
    return port;
  }

  /** {@code redis://127.0.0.1:port}, with the password when there is one. */
  public String url() {
    return password == null ? "redis://127.0.0.1:" + port : "redis://:" + password + "@127.0.0.1:" + port;
  }

  /** Starts the server (again) on its port and waits until it answers. */
  public synchronized void restart() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      ProcessBuilder builder = password == null
          ? new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
              "--appendonly", "no")
          : new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
              "--appendonly", "no", "--requirepass", password);
      Path log = Files.createTempFile("redis-" + port, ".log");
      process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!answersPing()) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("redis-server did not start on port " + port + ": " + Files.readString(log));
        }
        Thread.sleep(20);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot start redis-server (is it installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Kills the server; its data is gone. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  @Override
  public void close() {
    stop();
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[64];
      int read = in.read(reply);
      String text = read <= 0 ? "" : new String(reply, 0, read, StandardCharsets.US_ASCII);
      return text.startsWith("+PONG") || text.startsWith("-NOAUTH");
    } catch (IOException notYet) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
