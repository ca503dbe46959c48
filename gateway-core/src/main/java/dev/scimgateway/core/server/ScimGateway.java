package dev.scimgateway.core.server;

import dev.scimgateway.core.config.GatewayConfig;
import dev.scimgateway.core.config.ServerConfig;
import dev.scimgateway.core.observability.Observability;
import dev.scimgateway.core.observability.RateLimitedLog;
import dev.scimgateway.core.observability.RequestScope;
import dev.scimgateway.core.resource.ResourceTypeRegistry;
import dev.scimgateway.core.tenant.AdapterRegistry;
import dev.scimgateway.core.tenant.Tenant;
import dev.scimgateway.core.tenant.TenantDirectory;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A running gateway: its tenants' adapters and the HTTP server in front of them, plus a management
 * server when the operational endpoints have a port of their own, both served by
 * {@code server.eventLoops} event loops. Each tenant's adapter has a home among the loops (tenants take
 * them in turn), where it starts and, unless it runs on any loop, serves (see
 * {@link dev.scimgateway.core.operation.ConfinedAdapter}).
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
  private final EventLoops loops;
  private final List<HttpServer> servers;
  private final List<HttpServer> management;
  private final Duration drainTimeout;
  private final Optional<TlsCertificate> tls;
  private final Observability observability;

  private ScimGateway(TenantDirectory tenants, EventLoops loops, List<HttpServer> servers, List<HttpServer> management,
      Duration drainTimeout, Optional<TlsCertificate> tls, Observability observability) {
    this.observability = observability;
    this.tenants = tenants;
    this.loops = loops;
    this.servers = servers;
    this.management = management;
    this.drainTimeout = drainTimeout;
    this.tls = tls;
  }

  /** Starts with fresh metrics and text request lines on standard output. */
  public static Future<ScimGateway> start(Vertx vertx, GatewayConfig config, AdapterRegistry registry) {
    return start(vertx, config, registry, Observability.standard());
  }

  /**
   * Reads the TLS certificate if there is one, creates every tenant's adapter, deploys
   * {@code server.eventLoops} event loops, starts each adapter on its home loop, then listens
   * on every loop. Fails with an {@link dev.scimgateway.adapter.api.InvalidConfigException} when a
   * certificate file cannot be read, or a tenant's adapter is unknown or rejects its settings.
   * {@code vertx} needs at least {@code server.eventLoops} event loops ({@link VertxOptions#setEventLoopPoolSize}).
   */
  public static Future<ScimGateway> start(
      Vertx vertx, GatewayConfig config, AdapterRegistry registry, Observability observability) {
    try {
      RequestScope.requireSlotsIn(vertx);
    } catch (IllegalStateException e) {
      return Future.failedFuture(e);
    }
    Future<Optional<TlsCertificate>> tls = config.server().tls().isPresent()
        ? TlsCertificate.load(vertx, config.server().tls().get()).map(Optional::of)
        : Future.succeededFuture(Optional.empty());
    return tls.compose(certificate -> start(vertx, config, registry, observability, certificate));
  }

  private static Future<ScimGateway> start(Vertx vertx, GatewayConfig config, AdapterRegistry registry,
      Observability observability, Optional<TlsCertificate> certificate) {
    TenantDirectory created;
    try {
      created = TenantDirectory.create(vertx, config.tenants(), registry, observability, config.cluster());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return EventLoops.deploy(vertx, config.server().eventLoops())
        .compose(loops -> {
          TenantDirectory tenants = created.confinedTo(loops.homes());
          return tenants.start()
              .compose(started -> listen(vertx, config, observability, certificate, loops, tenants))
              .recover(failure -> tenants.close()
                  .eventually(loops::undeploy)
                  .transform(ignored -> Future.<ScimGateway>failedFuture(failure)));
        }, failure -> created.close().transform(ignored -> Future.failedFuture(failure)))
        .onSuccess(gateway -> LOG.log(Level.INFO, "scim-gateway listening on " + config.server().host() + ":" + gateway.port()
            + (certificate.isPresent() ? " (HTTPS)" : "")
            + (gateway.management.isEmpty() ? "" : ", management on port " + gateway.managementPort())
            + " on " + gateway.loops.size() + " event loops (" + (vertx.isNativeTransportEnabled() ? "native" : "NIO") + " transport)"
            + " with tenants " + gateway.tenants.all().stream()
                .map(tenant -> tenant.name() + " (" + tenant.adapterName() + ")")
                .collect(Collectors.joining(", "))));
  }

  private static Future<ScimGateway> listen(Vertx vertx, GatewayConfig config, Observability observability,
      Optional<TlsCertificate> certificate, EventLoops loops, TenantDirectory tenants) {
    OperationalEndpoints operational = new OperationalEndpoints(vertx, tenants, observability.metrics(), config.operations());
    OptionalInt managementPort = config.operations().managementPort();
    ServerConfig serverConfig = config.server();
    ResourceTypeRegistry resourceTypes = ResourceTypeRegistry.fromClasspath();
    LoopRequests requests = new LoopRequests(observability.metrics().registry());
    // One guard for every loop: a failure on a tenant's home loop may belong to a request of another loop.
    ResponseGuard guard = new ResponseGuard();
    loops.homes().forEach(home -> guard.watch(home.context()));
    Supplier<HttpServer> scim = () -> {
      HttpServerOptions options = options(serverConfig);
      certificate.ifPresent(it -> it.applyTo(options));
      return hardened(vertx, options, serverConfig, requests.counting(
          ScimRouter.create(vertx, serverConfig, config.limits(), resourceTypes, tenants, observability, operational,
              managementPort.isEmpty(), guard)));
    };
    return loops.listen(scim, serverConfig.port(), serverConfig.host())
        .compose(servers -> {
          certificate.ifPresent(it -> it.watch(servers.get(0)));
          Future<List<HttpServer>> management = managementPort.isEmpty()
              ? Future.succeededFuture(List.of())
              : loops.listen(() -> hardened(vertx, options(serverConfig), serverConfig,
                      ScimRouter.management(vertx, observability, operational, guard)),
                  managementPort.getAsInt(), config.operations().managementHost());
          return management
              .map(listening -> new ScimGateway(tenants, loops, servers, listening, serverConfig.requestTimeout(), certificate,
                  observability))
              .recover(failure -> {
                certificate.ifPresent(TlsCertificate::stop);
                return closeAll(servers).transform(closed -> Future.failedFuture(failure));
              });
        });
  }

  private static HttpServerOptions options(ServerConfig config) {
    return new HttpServerOptions()
        .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, config.connections().idleTimeout().toMillis()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setHttp2ClearTextEnabled(false)
        // No WebSocket is served: without these, every connection's pipeline screens each request for an upgrade.
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false);
  }

  /**
   * A server whose every connection has read deadlines, whose malformed requests get SCIM errors, and
   * whose connection failures (resets, failed TLS handshakes: whatever a scanner does) are no more
   * than a rate-limited debug line.
   */
  private static HttpServer hardened(Vertx vertx, HttpServerOptions options, ServerConfig config, Handler<HttpServerRequest> router) {
    ReadDeadlines deadlines = new ReadDeadlines(vertx, config.connections(), config.requestTimeout());
    return vertx.createHttpServer(options)
        .connectionHandler(connection -> {
          UpgradeIgnored.install(connection);
          deadlines.opened(connection);
        })
        .invalidRequestHandler(new InvalidRequestAnswer())
        // With a WebSocket handler set, Vert.x hands requests of an unknown HTTP version to the request
        // handler (RequestScreen answers them) instead of answering 501 itself. No WebSocket is served:
        // UpgradeIgnored keeps upgrades from reaching this handler.
        .webSocketHandshakeHandler(handshake -> handshake.reject(404))
        .exceptionHandler(failure -> CONNECTIONS.log(Level.DEBUG, "connection:" + failure.getClass().getName(),
            "a connection failed: " + failure.getClass().getSimpleName()))
        .requestHandler(deadlines.watching(new RequestScreen(router)));
  }

  /** The port the SCIM server listens on. */
  public int port() {
    return servers.get(0).actualPort();
  }

  /** The port of {@code /health}, {@code /ready} and {@code /metrics}. */
  public int managementPort() {
    return management.isEmpty() ? port() : management.get(0).actualPort();
  }

  /** How many event loops serve the ports. */
  public int eventLoops() {
    return loops.size();
  }

  public Iterable<Tenant> tenants() {
    return tenants.all();
  }

  /**
   * Stops accepting requests, lets those in flight finish on every loop (at most one request timeout),
   * then closes the adapters and the loops, and writes out the request and audit lines still buffered.
   */
  public Future<Void> close() {
    tls.ifPresent(TlsCertificate::stop);
    Future<Void> drained = Future.join(servers.stream()
            .map(server -> server.shutdown(drainTimeout.toMillis(), TimeUnit.MILLISECONDS))
            .toList())
        .mapEmpty();
    return drained
        .eventually(() -> closeAll(management))
        .eventually(tenants::close)
        .eventually(loops::undeploy)
        .eventually(observability::flushLog);
  }

  private static Future<Void> closeAll(List<HttpServer> servers) {
    return Future.join(servers.stream().map(HttpServer::close).toList()).mapEmpty();
  }
}
