package dev.scimgateway.core.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code scim_gateway_event_loop_requests_total{thread}}: the requests each event loop received, which
 * shows how Vert.x spreads connections over the loops.
 */
final class LoopRequests {

  private final MeterRegistry registry;

  LoopRequests(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts the requests of a server created on the calling event loop. */
  Handler<HttpServerRequest> counting(Handler<HttpServerRequest> next) {
    Counter requests = Counter.builder("scim.gateway.event.loop.requests")
        .description("HTTP requests received, by the event loop that serves their connection")
        .tag("thread", Thread.currentThread().getName())
        .register(registry);
    return request -> {
      requests.increment();
      next.handle(request);
    };
  }
}
