package dev.scimgateway.core.server;

import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.core.config.ServerConfig;
import dev.scimgateway.core.normalize.DialectNormalizer;
import dev.scimgateway.core.observability.AuditLog;
import dev.scimgateway.core.observability.Observability;
import dev.scimgateway.core.observability.RequestLogHandler;
import dev.scimgateway.core.tenant.TenantDirectory;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.TimeoutHandler;

/** The gateway's routes: {@code /scim/v2/{tenant}/…} and, unless moved, the operational endpoints. */
final class ScimRouter {

  private static final String TENANT = "/scim/v2/:tenant";

  private ScimRouter() {}

  /** The SCIM routes; {@code operational} is mounted too unless it has a port of its own. */
  static Router create(Vertx vertx, ServerConfig server, TenantDirectory tenants, Observability observability,
      OperationalEndpoints operational, boolean withOperational) {
    Router router = Router.router(vertx);
    ScimFailureHandler failures = new ScimFailureHandler();

    router.route().handler(new RequestLogHandler(observability, name -> tenants.find(name).isPresent()));
    if (withOperational) {
      operational.mount(router);
    }

    router.route(TENANT + "/*")
        .handler(TimeoutHandler.create(server.requestTimeout().toMillis()))
        .handler(BodyHandler.create(false).setBodyLimit(server.maxBodyBytes()));

    TenantAuthHandler discoveryAuth = server.anonymousDiscovery()
        ? TenantAuthHandler.allowingAnonymous(tenants)
        : TenantAuthHandler.requiringToken(tenants);
    DiscoveryEndpoint discovery = new DiscoveryEndpoint();
    router.get(TENANT + "/ServiceProviderConfig").handler(discoveryAuth).handler(discovery::serviceProviderConfig);
    router.get(TENANT + "/ResourceTypes").handler(discoveryAuth).handler(discovery::resourceTypes);
    router.get(TENANT + "/ResourceTypes/:id").handler(discoveryAuth).handler(discovery::resourceType);
    router.get(TENANT + "/Schemas").handler(discoveryAuth).handler(discovery::schemas);
    router.get(TENANT + "/Schemas/:id").handler(discoveryAuth).handler(discovery::schema);

    // Every other path below a tenant needs the tenant's token, so unknown paths reveal nothing.
    router.route(TENANT + "/*").handler(TenantAuthHandler.requiringToken(tenants));

    ResourceEndpoint users = new ResourceEndpoint(ResourceType.USER, DialectNormalizer.standard(),
        new AuditLog(observability.log()));
    String collection = TENANT + "/" + ResourceType.USER.endpoint();
    String item = collection + "/:id";
    router.get(collection).handler(users::list);
    router.post(collection).handler(users::create);
    router.get(item).handler(users::get);
    router.put(item).handler(users::replace);
    router.patch(item).handler(users::patch);
    router.delete(item).handler(users::delete);

    handleFailures(router, failures);
    return router;
  }

  /** The operational endpoints alone, for a management port. */
  static Router management(Vertx vertx, Observability observability, OperationalEndpoints operational) {
    Router router = Router.router(vertx);
    router.route().handler(new RequestLogHandler(observability, name -> false));
    operational.mount(router);
    handleFailures(router, new ScimFailureHandler());
    return router;
  }

  private static void handleFailures(Router router, ScimFailureHandler failures) {
    router.route().failureHandler(failures);
    for (int status : new int[] {404, 405, 413, 415, 500, 503}) {
      router.errorHandler(status, failures);
    }
  }
}
