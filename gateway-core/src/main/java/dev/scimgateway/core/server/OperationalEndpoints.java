package dev.scimgateway.core.server;

import dev.scimgateway.core.config.OperationsConfig;
import dev.scimgateway.core.observability.GatewayMetrics;
import dev.scimgateway.core.tenant.TenantDirectory;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /health} (alive), {@code /ready} (serving, upstreams optionally checked) and {@code /metrics}. */
final class OperationalEndpoints {

  private final Vertx vertx;
  private final TenantDirectory tenants;
  private final GatewayMetrics metrics;
  private final OperationsConfig operations;

  OperationalEndpoints(Vertx vertx, TenantDirectory tenants, GatewayMetrics metrics, OperationsConfig operations) {
    this.vertx = vertx;
    this.tenants = tenants;
    this.metrics = metrics;
    this.operations = operations;
  }

  void mount(Router router) {
    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    router.get("/ready").handler(this::ready);
    router.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(metrics.scrape()));
  }

  /**
   * The server only listens once the configuration is loaded and every adapter has started, so
   * answering at all means both; with {@code readiness.probeUpstream} each tenant's upstream is asked too.
   */
  private void ready(RoutingContext ctx) {
    JsonObject report = new JsonObject().put("configuration", "loaded");
    if (!operations.probeUpstream()) {
      JsonObject byTenant = new JsonObject();
      tenants.all().forEach(tenant -> byTenant.put(tenant.name(), new JsonObject().put("status", "UP")));
      ctx.json(withDegradations(report.put("status", "UP").put("tenants", byTenant)));
      return;
    }
    tenants.probe(vertx, operations.probeTimeout()).onComplete(probed -> {
      JsonObject byTenant = new JsonObject();
      boolean allUp = probed.succeeded();
      if (probed.succeeded()) {
        for (var entry : probed.result().entrySet()) {
          JsonObject status = new JsonObject().put("status", entry.getValue().isEmpty() ? "UP" : "DOWN");
          entry.getValue().ifPresent(problem -> status.put("detail", problem));
          allUp &= entry.getValue().isEmpty();
          byTenant.put(entry.getKey(), status);
        }
      }
      ctx.response().setStatusCode(allUp ? 200 : 503);
      ctx.json(withDegradations(report.put("status", allUp ? "UP" : "DOWN").put("tenants", byTenant)));
    });
  }

  /**
   * Marks the tenants whose adapter {@linkplain dev.scimgateway.adapter.api.ScimAdapter#degradation()
   * serves with weaker guarantees}: {@code status} {@code DEGRADED} with a {@code degraded} reason, and
   * the whole report {@code DEGRADED} unless something is {@code DOWN}. The status code stays as it is.
   */
  private JsonObject withDegradations(JsonObject report) {
    JsonObject byTenant = report.getJsonObject("tenants");
    tenants.all().forEach(tenant -> tenant.adapter().degradation().ifPresent(reason -> {
      JsonObject status = byTenant.getJsonObject(tenant.name());
      if (status != null && "UP".equals(status.getString("status"))) {
        status.put("status", "DEGRADED").put("degraded", reason);
        if ("UP".equals(report.getString("status"))) {
          report.put("status", "DEGRADED");
        }
      }
    }));
    return report;
  }
}
