package dev.scimgateway.core.server;

import dev.scimgateway.core.config.GatewayConfig;
import dev.scimgateway.core.config.ServerConfig;
import dev.scimgateway.core.observability.RateLimitedLog;
import dev.scimgateway.core.observability.Observability;
import dev.scimgateway.core.resource.ResourceTypeRegistry;
import dev.scimgateway.core.tenant.AdapterRegistry;
import dev.scimgateway.core.tenant.Tenant;
import dev.scimgateway.core.tenant.TenantDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
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

  private static final RateLimitedLog CONNECTIONS = RateLimitedLog.of(ScimGateway.class);

  private final TenantDirectory tenants;
  private final HttpServer server;
  private final HttpServer management;
  private final Duration drainTimeout;
  private final Optional<TlsCertificate> tls;
  private final Observability observability;

  private ScimGateway(TenantDirectory tenants, HttpServer server, HttpServer management, Duration drainTimeout,
      Optional<TlsCertificate> tls, Observability observability) {
    this.observability = observability;
    this.tenants = tenants;
    this.server = server;
    this.management = management;
    this.drainTimeout = drainTimeout;
    this.tls = tls;
  }

  /** Starts with fresh metrics and text request lines on standard output. */
  public static Future<ScimGateway> start(Vertx vertx, GatewayConfig config, AdapterRegistry registry) {
    return start(vertx, config, registry, Observability.standard());
  }

  /**
   * Reads the TLS certificate if there is one, creates and starts every tenant's adapter, then listens.
   * Fails with an {@link dev.scimgateway.adapter.api.InvalidConfigException} when a certificate file
   * cannot be read, or a tenant's adapter is unknown or rejects its settings.
   */
  public static Future<ScimGateway> start(
      Vertx vertx, GatewayConfig config, AdapterRegistry registry, Observability observability) {
    Future<Optional<TlsCertificate>> tls = config.server().tls().isPresent()
        ? TlsCertificate.load(vertx, config.server().tls().get()).map(Optional::of)
        : Future.succeededFuture(Optional.empty());
    return tls.compose(certificate -> start(vertx, config, registry, observability, certificate));
  }

  private static Future<ScimGateway> start(Vertx vertx, GatewayConfig config, AdapterRegistry registry,
      Observability observability, Optional<TlsCertificate> certificate) {
    TenantDirectory tenants;
    try {
      tenants = TenantDirectory.create(vertx, config.tenants(), registry, observability, config.cluster());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    OperationalEndpoints operational = new OperationalEndpoints(vertx, tenants, observability.metrics(), config.operations());
    OptionalInt managementPort = config.operations().managementPort();
    ServerConfig serverConfig = config.server();
    Duration requestTimeout = serverConfig.requestTimeout();
    return tenants.start()
        .compose(started -> {
          HttpServerOptions options = options(serverConfig);
          certificate.ifPresent(it -> it.applyTo(options));
          return hardened(vertx, options, serverConfig,
                  ScimRouter.create(vertx, serverConfig, config.limits(), ResourceTypeRegistry.fromClasspath(),
                      tenants, observability, operational, managementPort.isEmpty()))
              .listen(serverConfig.port(), serverConfig.host());
        })
        .compose(server -> {
          certificate.ifPresent(it -> it.watch(server));
          return managementPort.isEmpty()
              ? Future.succeededFuture(new ScimGateway(tenants, server, null, requestTimeout, certificate, observability))
              : hardened(vertx, options(serverConfig), serverConfig, ScimRouter.management(vertx, observability, operational))
                  .listen(managementPort.getAsInt(), config.operations().managementHost())
                  .map(management -> new ScimGateway(tenants, server, management, requestTimeout, certificate, observability))
                  .recover(failure -> {
                    certificate.ifPresent(TlsCertificate::stop);
                    return server.close().transform(closed -> Future.failedFuture(failure));
                  });
        })
        .onSuccess(gateway -> LOG.log(Level.INFO, "scim-gateway listening on " + config.server().host() + ":" + gateway.port()
            + (certificate.isPresent() ? " (HTTPS)" : "")
            + (gateway.management == null ? "" : ", management on port " + gateway.managementPort())
            + " with tenants " + tenants.all().stream()
                .map(tenant -> tenant.name() + " (" + tenant.adapterName() + ")")
                .collect(Collectors.joining(", "))))
        .recover(failure -> tenants.close().transform(ignored -> Future.failedFuture(failure)));
  }

  private static HttpServerOptions options(ServerConfig config) {
    return new HttpServerOptions()
        .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, config.connections().idleTimeout().toMillis()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setHttp2ClearTextEnabled(false);
  }

  /**
   * A server whose every connection has read deadlines, whose malformed requests get SCIM errors, and
   * whose connection failures (resets, failed TLS handshakes: whatever a scanner does) are no more
   * than a rate-limited debug line.
   */
  private static HttpServer hardened(Vertx vertx, HttpServerOptions options, ServerConfig config, Handler<HttpServerRequest> router) {
    ReadDeadlines deadlines = new ReadDeadlines(vertx, config.connections(), config.requestTimeout());
    return vertx.createHttpServer(options)
        .connectionHandler(deadlines::opened)
        .invalidRequestHandler(new InvalidRequestAnswer())
        // With a WebSocket handler set, Vert.x hands requests of an unknown HTTP version to the request
        // handler (RequestScreen answers them) instead of answering 501 itself. No WebSocket is served.
        .webSocketHandshakeHandler(handshake -> handshake.reject(404))
        .exceptionHandler(failure -> CONNECTIONS.log(Level.DEBUG, "connection:" + failure.getClass().getName(),
            "a connection failed: " + failure.getClass().getSimpleName()))
        .requestHandler(deadlines.watching(new RequestScreen(router)));
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
   * Stops accepting requests, lets those in flight finish (at most one request timeout), closes the
   * adapters, then writes out the request and audit lines still buffered.
   */
  public Future<Void> close() {
    tls.ifPresent(TlsCertificate::stop);
    Future<Void> drained = server.shutdown(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    return drained
        .eventually(() -> management == null ? Future.succeededFuture() : management.close())
        .eventually(tenants::close)
        .eventually(observability::flushLog);
  }
}
