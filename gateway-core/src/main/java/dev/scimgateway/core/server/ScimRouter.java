package dev.scimgateway.core.server;

import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.core.config.ServerConfig;
import dev.scimgateway.core.normalize.DialectNormalizer;
import dev.scimgateway.core.tenant.TenantDirectory;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.TimeoutHandler;

/** The gateway's routes: {@code /health} and {@code /scim/v2/{tenant}/Users…}. */
final class ScimRouter {

  private static final String TENANT = "/scim/v2/:tenant";

  private ScimRouter() {}

  static Router create(Vertx vertx, ServerConfig server, TenantDirectory tenants) {
    Router router = Router.router(vertx);
    ScimFailureHandler failures = new ScimFailureHandler();

    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));

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

    ResourceEndpoint users = new ResourceEndpoint(ResourceType.USER, DialectNormalizer.standard());
    String collection = TENANT + "/" + ResourceType.USER.endpoint();
    String item = collection + "/:id";
    router.get(collection).handler(users::list);
    router.post(collection).handler(users::create);
    router.get(item).handler(users::get);
    router.put(item).handler(users::replace);
    router.patch(item).handler(users::patch);
    router.delete(item).handler(users::delete);

    router.route().failureHandler(failures);
    for (int status : new int[] {404, 405, 413, 415, 500, 503}) {
      router.errorHandler(status, failures);
    }
    return router;
  }
}
