package dev.scimgateway.adapter.support.upstream;

import io.vertx.core.Context;
import io.vertx.core.http.HttpClientAgent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One pooled HTTP client per event-loop thread. Vert.x's pool hands any free connection to any caller,
 * and a connection's I/O stays on the loop that opened it, so one client shared by several loops would
 * move every answer from one loop to another; with a client each, a loop's calls use connections of
 * that loop. Callers off an event loop share one more client.
 */
final class LoopClients {

  private static final Object OFF_LOOP = new Object();

  private final Supplier<HttpClientAgent> newClient;
  private final Map<Object, HttpClientAgent> byThread = new ConcurrentHashMap<>();
  private volatile boolean closed;

  LoopClients(Supplier<HttpClientAgent> newClient) {
    this.newClient = newClient;
  }

  /** The client of the calling thread's event loop; none once closed. */
  HttpClientAgent current() {
    if (closed) {
      throw new IllegalStateException("the upstream client is closed");
    }
    Object key = Context.isOnEventLoopThread() ? Thread.currentThread() : OFF_LOOP;
    HttpClientAgent client = byThread.get(key);
    return client != null ? client : byThread.computeIfAbsent(key, ignored -> newClient.get());
  }

  /** Closes every client; their connections close. */
  void close() {
    closed = true;
    byThread.values().forEach(HttpClientAgent::close);
    byThread.clear();
  }
}
