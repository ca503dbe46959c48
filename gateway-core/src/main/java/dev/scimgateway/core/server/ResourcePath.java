package dev.scimgateway.core.server;

import io.vertx.core.internal.net.RFC3986;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The route of one resource type's endpoint, {@code /scim/v2/{tenant}/{endpoint}[/{id}]} with the
 * endpoint in any case, and the handler that puts its {@code tenant} and {@code id} into the path
 * parameters, percent-decoded as Vert.x Web decodes them. The route's expression has no capturing group:
 * for one that has, Vert.x Web adds every group twice more (numbered, and into the request's
 * parameters), a measurable share of each request. A {@link PlatformHandler}, as it runs ahead of the
 * route's others.
 */
final class ResourcePath implements PlatformHandler {

  static final ResourcePath PARAMETERS = new ResourcePath();

  private static final String PREFIX = "/scim/v2/";

  private ResourcePath() {}

  /** The expression of {@code endpoint}'s route. */
  static String regex(String endpoint) {
    return Pattern.quote(PREFIX) + "[^/]+/(?i:" + Pattern.quote(endpoint) + ")(?:/[^/]+)?";
  }

  @Override
  public void handle(RoutingContext ctx) {
    // The route matched this path, so it has the route's shape.
    String path = ctx.normalizedPath();
    int tenantEnd = path.indexOf('/', PREFIX.length());
    int endpointEnd = path.indexOf('/', tenantEnd + 1);
    Map<String, String> parameters = ctx.pathParams();
    parameters.put("tenant", RFC3986.decodeURIComponent(path.substring(PREFIX.length(), tenantEnd), false));
    if (endpointEnd >= 0) {
      parameters.put("id", RFC3986.decodeURIComponent(path.substring(endpointEnd + 1), false));
    }
    ctx.next();
  }
}
