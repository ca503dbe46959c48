package dev.scimgateway.core.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.observability.RateLimitedLog;
import dev.scimgateway.core.protocol.AttributeProjection;
import dev.scimgateway.core.protocol.ScimErrors;
import dev.scimgateway.core.protocol.ScimJson;
import dev.scimgateway.core.protocol.ScimMediaType;
import dev.scimgateway.core.resource.ResourceDefinition;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;

/**
 * Writes SCIM responses: resources with their {@code meta}, list responses and errors. Writing never
 * throws: a resource whose projection fails is answered whole, and a body that cannot be written fails
 * the request at once (it is answered with a 500, never left to time out).
 */
final class ScimResponses {

  private static final RateLimitedLog LOG = RateLimitedLog.of(ScimResponses.class);

  private ScimResponses() {}

  static void json(RoutingContext ctx, int status, Object body) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    Buffer encoded;
    try {
      encoded = Buffer.buffer(ScimJson.write(body));
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, ScimMediaType.SCIM_JSON)
        .end(encoded);
  }

  /**
   * A resource, with {@code schemas}, {@code meta.resourceType} and {@code meta.location} filled in,
   * projected by {@code attributes} / {@code excludedAttributes}. It answers a change that was already
   * made upstream, so a projection that fails answers the whole resource (less what is never
   * returned) rather than an error.
   */
  static void resource(RoutingContext ctx, int status, ResourceDefinition definition, ObjectNode resource) {
    decorate(baseUrl(ctx), definition.type(), resource);
    if (status == 201 && resource.path("meta").hasNonNull("location")) {
      ctx.response().putHeader(HttpHeaders.LOCATION, resource.path("meta").path("location").asText());
    }
    ObjectNode body;
    try {
      body = projected(ctx, definition, resource);
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    json(ctx, status, body);
  }

  private static ObjectNode projected(RoutingContext ctx, ResourceDefinition definition, ObjectNode resource) {
    AttributeProjection asked;
    try {
      asked = AttributeProjection.fromQuery(ctx.queryParams(), definition.neverReturned());
    } catch (RuntimeException e) {
      asked = null;
    }
    return projected(definition, asked, resource);
  }

  /**
   * {@code resource} projected, or whole (less what {@code definition} never returns) when the
   * projection cannot be applied (logged, at most once a minute): an answer must not fail after the
   * work was done.
   */
  static ObjectNode projected(ResourceDefinition definition, AttributeProjection projection, ObjectNode resource) {
    if (projection != null) {
      try {
        return projection.apply(resource);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "projection", "attributes/excludedAttributes could not be applied ("
            + e.getClass().getSimpleName() + "); answered the whole resource");
      }
    }
    return AttributeProjection.fromQuery(MultiMap.caseInsensitiveMultiMap(), definition.neverReturned()).apply(resource);
  }

  /** {@code resource} with its {@code schemas} and {@code meta}; {@code baseUrl} is {@link #baseUrl}, made once per request. */
  static ObjectNode decorate(String baseUrl, ResourceType type, ObjectNode resource) {
    if (!resource.has("schemas")) {
      resource.putArray("schemas").add(type.schema());
    }
    ObjectNode meta = resource.has("meta") && resource.get("meta").isObject()
        ? (ObjectNode) resource.get("meta")
        : resource.putObject("meta");
    meta.put("resourceType", type.name());
    if (resource.hasNonNull("id")) {
      meta.put("location", baseUrl + "/" + type.endpoint() + "/" + resource.get("id").asText());
    }
    return resource;
  }

  static void noContent(RoutingContext ctx) {
    ctx.response().setStatusCode(204).end();
  }

  static void error(RoutingContext ctx, ScimFailure error) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    error(ctx.response(), error);
  }

  /** An error on a bare response, for answers given before or outside the router. */
  static void error(HttpServerResponse response, ScimFailure error) {
    if (response.ended() || response.closed()) {
      return;
    }
    error.retryAfterSeconds().ifPresent(seconds -> response.putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)));
    if (error.status() == 401) {
      response.putHeader("WWW-Authenticate", "Bearer realm=\"scim-gateway\"");
    }
    response.setStatusCode(error.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, ScimMediaType.SCIM_JSON)
        .end(Buffer.buffer(ScimJson.write(ScimErrors.toResponse(error))));
  }

  /**
   * {@code https://host/scim/v2/{tenant}} as the IdP addressed it (see {@link RequestOrigin}), or the
   * path alone when no origin is known.
   */
  static String baseUrl(RoutingContext ctx) {
    return RequestOrigin.of(ctx.request()).orElse("") + "/scim/v2/" + ctx.pathParam("tenant");
  }
}
