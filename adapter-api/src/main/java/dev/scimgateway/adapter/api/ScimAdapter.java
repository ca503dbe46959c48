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

  /** Releases what {@link #start()} acquired. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
