package dev.scimgateway.adapter.api;

import io.vertx.core.Vertx;

/**
 * What the gateway hands an adapter when it creates it for one tenant.
 *
 * @param vertx the gateway's Vert.x instance, for clients and timers
 * @param tenant the tenant's name (its path segment), for logs and metrics
 * @param settings the adapter's own configuration section of this tenant
 * @param telemetry where the adapter reports its upstream calls and registers its metrics
 */
public record AdapterContext(Vertx vertx, String tenant, ConfigSection settings, AdapterTelemetry telemetry) {

  /** A context without telemetry, for tests and tools that run an adapter on its own. */
  public AdapterContext(Vertx vertx, String tenant, ConfigSection settings) {
    this(vertx, tenant, settings, AdapterTelemetry.NOOP);
  }
}
