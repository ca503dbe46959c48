package dev.scimgateway.adapter.api;

import io.vertx.core.Vertx;

/**
 * What the gateway hands an adapter when it creates it for one tenant.
 *
 * @param vertx the gateway's Vert.x instance, for clients and timers
 * @param tenant the tenant's name (its path segment), for logs and metrics
 * @param settings the adapter's own configuration section of this tenant
 */
public record AdapterContext(Vertx vertx, String tenant, ConfigSection settings) {}
