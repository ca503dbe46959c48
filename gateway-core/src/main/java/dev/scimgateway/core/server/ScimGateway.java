package dev.scimgateway.core.server;

import dev.scimgateway.core.config.GatewayConfig;
import dev.scimgateway.core.tenant.AdapterRegistry;
import dev.scimgateway.core.tenant.Tenant;
import dev.scimgateway.core.tenant.TenantDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.lang.System.Logger.Level;
import java.util.stream.Collectors;

/**
 * A running gateway: its tenants' adapters and the HTTP server in front of them.
 *
 * <pre>{@code
 * ScimGateway.start(vertx, config, AdapterRegistry.fromClasspath())
 *     .onSuccess(gateway -> System.out.println("listening on " + gateway.port()));
 * }</pre>
 */
public final class ScimGateway {

  private static final System.Logger LOG = System.getLogger(ScimGateway.class.getName());

  private final TenantDirectory tenants;
  private final HttpServer server;

  private ScimGateway(TenantDirectory tenants, HttpServer server) {
    this.tenants = tenants;
    this.server = server;
  }

  /**
   * Creates and starts every tenant's adapter, then listens. Fails with an
   * {@link dev.scimgateway.adapter.api.InvalidConfigException} when a tenant's adapter is unknown or
   * rejects its settings.
   */
  public static Future<ScimGateway> start(Vertx vertx, GatewayConfig config, AdapterRegistry registry) {
    TenantDirectory tenants;
    try {
      tenants = TenantDirectory.create(vertx, config.tenants(), registry);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return tenants.start()
        .compose(started -> vertx.createHttpServer()
            .requestHandler(ScimRouter.create(vertx, config.server(), tenants))
            .listen(config.server().port(), config.server().host()))
        .map(server -> {
          LOG.log(Level.INFO, "scim-gateway listening on " + config.server().host() + ":" + server.actualPort()
              + " with tenants " + tenants.all().stream()
                  .map(tenant -> tenant.name() + " (" + tenant.adapterName() + ")")
                  .collect(Collectors.joining(", ")));
          return new ScimGateway(tenants, server);
        })
        .recover(failure -> tenants.close().transform(ignored -> Future.failedFuture(failure)));
  }

  /** The port the server listens on. */
  public int port() {
    return server.actualPort();
  }

  public Iterable<Tenant> tenants() {
    return tenants.all();
  }

  /** Stops listening, then closes the adapters. */
  public Future<Void> close() {
    return server.close().eventually(tenants::close);
  }
}
