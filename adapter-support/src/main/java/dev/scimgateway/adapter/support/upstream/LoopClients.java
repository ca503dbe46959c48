package dev.scimgateway.adapter.support.upstream;

import io.vertx.core.Context;
import io.vertx.core.http.HttpClientAgent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One pooled HTTP client per event-loop thread, with the deadlines of its attempts. Vert.x's pool hands
 * any free connection to any caller, and a connection's I/O stays on the loop that opened it, so one
 * client shared by several loops would move every answer from one loop to another; with a client each,
 * a loop's calls use connections of that loop. Callers off an event loop share one more client.
 */
final class LoopClients {

  private static final Object OFF_LOOP = new Object();

  /** One loop's client and the deadlines of the attempts it sends. */
  record LoopClient(HttpClientAgent client, AttemptDeadlines deadlines) {}

  private final Supplier<LoopClient> newClient;
  private final Map<Object, LoopClient> byThread = new ConcurrentHashMap<>();
  private volatile boolean closed;

  LoopClients(Supplier<LoopClient> newClient) {
    this.newClient = newClient;
  }

  /** The client of the calling thread's event loop; none once closed. */
  LoopClient current() {
    if (closed) {
      throw new IllegalStateException("the upstream client is closed");
    }
    Object key = Context.isOnEventLoopThread() ? Thread.currentThread() : OFF_LOOP;
    LoopClient client = byThread.get(key);
    return client != null ? client : byThread.computeIfAbsent(key, ignored -> newClient.get());
  }

  /** Closes every client; their connections close. */
  void close() {
    closed = true;
    byThread.values().forEach(loop -> loop.client().close());
    byThread.clear();
  }
}
