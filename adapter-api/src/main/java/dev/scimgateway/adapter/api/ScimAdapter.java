package dev.scimgateway.adapter.api;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * One tenant's connection to an upstream API, created by a {@link ScimAdapterFactory}.
 *
 * <p>The gateway calls {@link #start()} once before routing requests to it and {@link #close()} at
 * shutdown. Every method of the providers it returns may be called concurrently from event-loop
 * threads and must never block.
 */
public interface ScimAdapter {

  /**
   * The provider for a resource type, or empty when the upstream does not offer that type; the
   * gateway then answers the IdP with 404 for its endpoint.
   */
  Optional<ResourceProvider> provider(ResourceType type);

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
