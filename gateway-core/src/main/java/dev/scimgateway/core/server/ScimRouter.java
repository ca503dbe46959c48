package dev.scimgateway.core.server;

import dev.scimgateway.core.config.RequestLimits;
import dev.scimgateway.core.config.ServerConfig;
import dev.scimgateway.core.normalize.DialectNormalizer;
import dev.scimgateway.core.observability.AuditLog;
import dev.scimgateway.core.observability.Observability;
import dev.scimgateway.core.observability.RequestLogHandler;
import dev.scimgateway.core.operation.ResourceOperations;
import dev.scimgateway.core.protocol.InputBounds;
import dev.scimgateway.core.resource.ResourceDefinition;
import dev.scimgateway.core.resource.ResourceTypeRegistry;
import dev.scimgateway.core.tenant.TenantDirectory;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;

/** The gateway's routes: {@code /scim/v2/{tenant}/…} and, unless moved, the operational endpoints. */
final class ScimRouter {

  private static final String TENANT = "/scim/v2/:tenant";

  private ScimRouter() {}

  /**
   * The SCIM routes; {@code operational} is mounted too unless it has a port of its own. {@code guard} is
   * the gateway's one guard, shared by every loop's router.
   */
  static Router create(Vertx vertx, ServerConfig server, RequestLimits limits, ResourceTypeRegistry resourceTypes,
      TenantDirectory tenants, Observability observability, OperationalEndpoints operational, boolean withOperational,
      ResponseGuard guard) {
    Router router = Router.router(vertx);
    ScimFailureHandler failures = new ScimFailureHandler();
    // Behind a TLS-terminating proxy, Location and meta.location follow Forwarded / X-Forwarded-*, each
    // only when well-formed (RequestOrigin). Vert.x Web's own parsing of them stays off: it throws on
    // malformed values wherever the request's scheme, host or address is read.

    router.route().handler(new RequestLogHandler(observability, name -> tenants.find(name).isPresent(), resourceTypes::canonicalEndpoint));
    router.route().handler(guard);
    if (withOperational) {
      operational.mount(router);
    }

    // Every request below a tenant is bounded in time and body, and its query string must decode.
    Handler<RoutingContext> timeout = new RequestTimeouts(vertx, server.requestTimeout());
    Handler<RoutingContext> body = BodyHandler.create(false).setBodyLimit(server.maxBodyBytes());
    Handler<RoutingContext> query = ScimRouter::requireDecodableQuery;

    // Each resource type the registry knows has one route, its endpoint in any case (some clients send /users),
    // ahead of every other route below a tenant: one regular expression tried per type instead of one per type
    // and method, and none before it. A tenant whose adapter does not serve a type answers 404.
    TenantAuthHandler tokenAuth = TenantAuthHandler.requiringToken(tenants);
    AuditLog audit = new AuditLog(observability.log());
    InputBounds bounds = new InputBounds(limits);
    for (ResourceDefinition type : resourceTypes.all()) {
      ResourceEndpoint endpoint = new ResourceEndpoint(new ResourceOperations(type, DialectNormalizer.standard(), audit, bounds));
      router.routeWithRegex(ResourcePath.regex(type.type().endpoint()))
          .handler(ResourcePath.PARAMETERS).handler(timeout).handler(body).handler(query)
          .handler(tokenAuth)
          .handler(endpoint);
    }
    router.route(TENANT + "/*").handler(timeout).handler(body).handler(query);

    TenantAuthHandler discoveryAuth = server.anonymousDiscovery()
        ? TenantAuthHandler.allowingAnonymous(tenants)
        : TenantAuthHandler.requiringToken(tenants);
    DiscoveryEndpoint discovery = new DiscoveryEndpoint(resourceTypes);
    router.get(TENANT + "/ServiceProviderConfig").handler(discoveryAuth).handler(discovery::serviceProviderConfig);
    router.get(TENANT + "/ResourceTypes").handler(discoveryAuth).handler(discovery::resourceTypes);
    router.get(TENANT + "/ResourceTypes/:id").handler(discoveryAuth).handler(discovery::resourceType);
    router.get(TENANT + "/Schemas").handler(discoveryAuth).handler(discovery::schemas);
    router.get(TENANT + "/Schemas/:id").handler(discoveryAuth).handler(discovery::schema);

    // Every other path below a tenant needs the tenant's token, so unknown paths reveal nothing.
    router.route(TENANT + "/*").handler(tokenAuth);

    handleFailures(router, failures);
    return router;
  }

  /** The operational endpoints alone, for a management port. */
  static Router management(Vertx vertx, Observability observability, OperationalEndpoints operational, ResponseGuard guard) {
    Router router = Router.router(vertx);
    router.route().handler(new RequestLogHandler(observability, name -> false, segment -> Optional.empty()));
    router.route().handler(guard);
    operational.mount(router);
    handleFailures(router, new ScimFailureHandler());
    return router;
  }

  /**
   * A query string that cannot be decoded is refused before anything reads it, in particular before a
   * create or replace reaches the upstream (the answer's projection reads it last).
   */
  private static void requireDecodableQuery(RoutingContext ctx) {
    if (ctx.request().query() == null) {
      ctx.next();
      return;
    }
    try {
      ctx.queryParams();
    } catch (RuntimeException e) {
      ctx.fail(HttpLayerErrors.MALFORMED_QUERY);
      return;
    }
    ctx.next();
  }

  /** Every status Vert.x Web may answer by itself gets a SCIM error, and none is logged as unhandled. */
  private static void handleFailures(Router router, ScimFailureHandler failures) {
    router.route().failureHandler(failures);
    for (int status : new int[] {400, 401, 403, 404, 405, 406, 413, 414, 415, 431, 500, 501, 503}) {
      router.errorHandler(status, failures.forStatus(status));
    }
  }
}
