package dev.scimgateway.adapter.api;

import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway hands an adapter when it creates it for one tenant.
 *
 * @param vertx the gateway's Vert.x instance, for clients and timers
 * @param tenant the tenant's name (its path segment), for logs and metrics
 * @param settings the adapter's own configuration section of this tenant
 * @param telemetry where the adapter reports its upstream calls and registers its metrics
 * @param cluster how this gateway's replicas share state (budgets, locks), when it runs as one of
 *     several replicas with Redis; empty keeps everything in the process
 */
public record AdapterContext(
    Vertx vertx, String tenant, ConfigSection settings, AdapterTelemetry telemetry, Optional<ClusterSettings> cluster) {

  public AdapterContext {
    Objects.requireNonNull(cluster, "cluster");
  }

  /** A context of a gateway that runs alone. */
  public AdapterContext(Vertx vertx, String tenant, ConfigSection settings, AdapterTelemetry telemetry) {
    this(vertx, tenant, settings, telemetry, Optional.empty());
  }

  /** A context without telemetry, for tests and tools that run an adapter on its own. */
  public AdapterContext(Vertx vertx, String tenant, ConfigSection settings) {
    this(vertx, tenant, settings, AdapterTelemetry.NOOP);
  }
}
