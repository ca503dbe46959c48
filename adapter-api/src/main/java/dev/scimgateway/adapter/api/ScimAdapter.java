package dev.scimgateway.adapter.api;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * One tenant's connection to an upstream API, created by a {@link ScimAdapterFactory}.
 *
 * <p>The gateway calls {@link #start()} once before routing requests to it and {@link #close()} at
 * shutdown.
 *
 * <p><b>Threading.</b> The gateway serves from several event loops ({@code server.eventLoops}) and gives
 * each adapter a home among them, one Vert.x event-loop context chosen when the adapter starts (tenants
 * take the loops in turn). {@link #start()}, {@link #probe()} and {@link #close()} are called on the
 * home context's thread. Where the providers' operations run is the adapter's choice,
 * {@link #threading()}: on the home loop only ({@link AdapterThreading#HOME_LOOP}, the default: a
 * request served on another loop has the call run there and gets the answer back on its own loop, so
 * the adapter's own state needs no locks), or on whichever loop serves the request
 * ({@link AdapterThreading#ANY_LOOP}: no hand-over, every loop does the tenant's work, and the adapter
 * keeps its state thread-safe). Either way, nothing an adapter does may block: every loop serves
 * requests. Three methods are called directly on whichever loop asks, and must answer from state fixed
 * when the adapter was created, or kept thread-safe: {@link #provider(ResourceType)},
 * {@link #degradation()} and {@link ResourceProvider#capabilities()}. What a {@link ScimAdapterFactory}
 * shares between its tenants (a budget of one upstream team, a Redis connection) is used from several
 * loops, so it must be thread-safe; Micrometer gauges an adapter registers are read on the loop that
 * serves {@code /metrics}.
 */
public interface ScimAdapter {

  /**
   * The provider for a resource type, or empty when the upstream does not offer that type; the
   * gateway then answers the IdP with 404 for its endpoint. Called on any event loop: return what was
   * fixed when the adapter was created.
   */
  Optional<ResourceProvider> provider(ResourceType type);

  /**
   * Where the gateway calls this adapter's provider operations; asked once, before {@link #start()}.
   * {@link AdapterThreading#HOME_LOOP} unless the adapter says it is safe on every loop.
   */
  default AdapterThreading threading() {
    return AdapterThreading.HOME_LOOP;
  }

  /** Prepares the adapter (connections, warm-up); the tenant is not served before it completes. */
  default Future<Void> start() {
    return Future.succeededFuture();
  }

  /**
   * Checks that the upstream answers, for the gateway's readiness report; fails with a
   * {@link ScimFailure} whose detail says what is wrong. The default claims nothing is wrong.
   */
  default Future<Void> probe() {
    return Future.succeededFuture();
  }

  /**
   * Why the adapter serves with weaker guarantees than configured, or empty when it does not: e.g.
   * "the shared budget's Redis is unreachable; this replica keeps to its own share". A degraded adapter
   * still serves, so {@code /ready} stays 200 and says {@code DEGRADED} with this text; a failing
   * {@link #probe()} is what makes it 503. Called on every {@code /ready}: answer from state the adapter
   * already holds, without I/O, and never put a secret in the text.
   */
  default Optional<String> degradation() {
    return Optional.empty();
  }

  /** Releases what {@link #start()} acquired. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
