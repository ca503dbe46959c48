package dev.scimgateway.core.server;

import dev.scimgateway.core.config.GatewayConfig;
import dev.scimgateway.core.observability.Observability;
import dev.scimgateway.core.resource.ResourceTypeRegistry;
import dev.scimgateway.core.tenant.AdapterRegistry;
import dev.scimgateway.core.tenant.Tenant;
import dev.scimgateway.core.tenant.TenantDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A running gateway: its tenants' adapters and the HTTP server in front of them, plus a management
 * server when the operational endpoints have a port of their own.
 *
 * <pre>{@code
 * ScimGateway.start(vertx, config, AdapterRegistry.fromClasspath(), Observability.standard())
 *     .onSuccess(gateway -> System.out.println("listening on " + gateway.port()));
 * }</pre>
 */
public final class ScimGateway {

  private static final System.Logger LOG = System.getLogger(ScimGateway.class.getName());

  private final TenantDirectory tenants;
  private final HttpServer server;
  private final HttpServer management;
  private final Duration drainTimeout;

  private ScimGateway(TenantDirectory tenants, HttpServer server, HttpServer management, Duration drainTimeout) {
    this.tenants = tenants;
    this.server = server;
    this.management = management;
    this.drainTimeout = drainTimeout;
  }

  /** Starts with fresh metrics and text request lines on standard output. */
  public static Future<ScimGateway> start(Vertx vertx, GatewayConfig config, AdapterRegistry registry) {
    return start(vertx, config, registry, Observability.standard());
  }

  /**
   * Creates and starts every tenant's adapter, then listens. Fails with an
   * {@link dev.scimgateway.adapter.api.InvalidConfigException} when a tenant's adapter is unknown or
   * rejects its settings.
   */
  public static Future<ScimGateway> start(
      Vertx vertx, GatewayConfig config, AdapterRegistry registry, Observability observability) {
    TenantDirectory tenants;
    try {
      tenants = TenantDirectory.create(vertx, config.tenants(), registry, observability, config.cluster());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    OperationalEndpoints operational = new OperationalEndpoints(vertx, tenants, observability.metrics(), config.operations());
    OptionalInt managementPort = config.operations().managementPort();
    return tenants.start()
        .compose(started -> vertx.createHttpServer()
            .requestHandler(ScimRouter.create(vertx, config.server(), ResourceTypeRegistry.fromClasspath(), tenants, observability,
                operational, managementPort.isEmpty()))
            .listen(config.server().port(), config.server().host()))
        .compose(server -> managementPort.isEmpty()
            ? Future.succeededFuture(new ScimGateway(tenants, server, null, config.server().requestTimeout()))
            : vertx.createHttpServer()
                .requestHandler(ScimRouter.management(vertx, observability, operational))
                .listen(managementPort.getAsInt(), config.operations().managementHost())
                .map(management -> new ScimGateway(tenants, server, management, config.server().requestTimeout()))
                .recover(failure -> server.close().transform(closed -> Future.failedFuture(failure))))
        .onSuccess(gateway -> LOG.log(Level.INFO, "scim-gateway listening on " + config.server().host() + ":" + gateway.port()
            + (gateway.management == null ? "" : ", management on port " + gateway.managementPort())
            + " with tenants " + tenants.all().stream()
                .map(tenant -> tenant.name() + " (" + tenant.adapterName() + ")")
                .collect(Collectors.joining(", "))))
        .recover(failure -> tenants.close().transform(ignored -> Future.failedFuture(failure)));
  }

  /** The port the SCIM server listens on. */
  public int port() {
    return server.actualPort();
  }

  /** The port of {@code /health}, {@code /ready} and {@code /metrics}. */
  public int managementPort() {
    return management == null ? port() : management.actualPort();
  }

  public Iterable<Tenant> tenants() {
    return tenants.all();
  }

  /**
   * Stops accepting requests, lets those in flight finish (at most one request timeout), then closes
   * the adapters.
   */
  public Future<Void> close() {
    Future<Void> drained = server.shutdown(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    return drained
        .eventually(() -> management == null ? Future.succeededFuture() : management.close())
        .eventually(tenants::close);
  }
}
