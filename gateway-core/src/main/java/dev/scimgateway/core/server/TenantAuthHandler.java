package dev.scimgateway.core.server;

import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.tenant.BearerToken;
import dev.scimgateway.core.tenant.Tenant;
import dev.scimgateway.core.tenant.TenantDirectory;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Authenticates {@code /scim/v2/{tenant}/…} with the tenant's bearer token.
 *
 * <p>A missing or wrong token gets the same 401 whether the tenant exists or not, so tenants cannot be
 * discovered. A caller holding a valid token of some tenant who names a tenant that does not exist
 * gets 404, which tells a misconfigured IdP that its URL is wrong.
 */
final class TenantAuthHandler implements Handler<RoutingContext> {

  static final String TENANT_KEY = "scim-gateway.tenant";

  private static final ScimFailure UNAUTHORIZED = ScimFailure.unauthorized(
      "Authentication failed: send the tenant's token as 'Authorization: Bearer <token>'.");

  private final TenantDirectory tenants;
  private final boolean anonymousAllowed;

  private TenantAuthHandler(TenantDirectory tenants, boolean anonymousAllowed) {
    this.tenants = tenants;
    this.anonymousAllowed = anonymousAllowed;
  }

  /** Requires the tenant's token. */
  static TenantAuthHandler requiringToken(TenantDirectory tenants) {
    return new TenantAuthHandler(tenants, false);
  }

  /** Lets a request without an {@code Authorization} header through to a tenant that exists. */
  static TenantAuthHandler allowingAnonymous(TenantDirectory tenants) {
    return new TenantAuthHandler(tenants, true);
  }

  static Tenant tenant(RoutingContext ctx) {
    return ctx.get(TENANT_KEY);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String name = ctx.pathParam("tenant");
    if (anonymousAllowed && ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
      Tenant tenant = tenants.find(name).orElseThrow(() -> ScimFailure.notFound("No tenant named '" + name + "'."));
      ctx.put(TENANT_KEY, tenant);
      ctx.next();
      return;
    }
    BearerToken.Presented presented = BearerToken.Presented.of(
        bearerToken(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)).orElse(""));
    Optional<Tenant> tenant = tenants.find(name);
    if (tenant.isPresent() && tenant.get().token().matches(presented)) {
      ctx.put(TENANT_KEY, tenant.get());
      ctx.next();
      return;
    }
    // Every refusal compares with every tenant's token, so that its time does not tell whether the tenant exists.
    boolean anyTenantsToken = tenants.isTokenOfAnyTenant(presented);
    if (tenant.isEmpty() && anyTenantsToken) {
      ctx.fail(ScimFailure.notFound("No tenant named '" + name + "' is configured on this gateway."));
    } else {
      ctx.fail(UNAUTHORIZED);
    }
  }

  private static Optional<String> bearerToken(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String trimmed = header.trim();
    int space = trimmed.indexOf(' ');
    if (space < 0 || !trimmed.substring(0, space).equalsIgnoreCase("Bearer")) {
      return Optional.empty();
    }
    return Optional.of(trimmed.substring(space + 1).trim());
  }
}
