package dev.scimgateway.core.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.protocol.AttributeProjection;
import dev.scimgateway.core.protocol.ScimErrors;
import dev.scimgateway.core.protocol.ScimJson;
import dev.scimgateway.core.protocol.ScimMediaType;
import dev.scimgateway.core.resource.ResourceDefinition;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Writes SCIM responses: resources with their {@code meta}, list responses and errors. */
final class ScimResponses {

  private ScimResponses() {}

  static void json(RoutingContext ctx, int status, Object body) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, ScimMediaType.SCIM_JSON)
        .end(Buffer.buffer(ScimJson.write(body)));
  }

  /** A resource, with {@code schemas}, {@code meta.resourceType} and {@code meta.location} filled in. */
  static void resource(RoutingContext ctx, int status, ResourceDefinition definition, ObjectNode resource) {
    decorate(ctx, definition.type(), resource);
    if (status == 201) {
      ctx.response().putHeader(HttpHeaders.LOCATION, resource.path("meta").path("location").asText());
    }
    json(ctx, status, AttributeProjection.fromQuery(ctx.queryParams(), definition.neverReturned()).apply(resource));
  }

  static ObjectNode decorate(RoutingContext ctx, ResourceType type, ObjectNode resource) {
    if (!resource.has("schemas")) {
      resource.putArray("schemas").add(type.schema());
    }
    ObjectNode meta = resource.has("meta") && resource.get("meta").isObject()
        ? (ObjectNode) resource.get("meta")
        : resource.putObject("meta");
    meta.put("resourceType", type.name());
    if (resource.hasNonNull("id")) {
      meta.put("location", baseUrl(ctx) + "/" + type.endpoint() + "/" + resource.get("id").asText());
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
    error.retryAfterSeconds().ifPresent(seconds -> ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)));
    if (error.status() == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"scim-gateway\"");
    }
    json(ctx, error.status(), ScimErrors.toResponse(error));
  }

  /** {@code https://host/scim/v2/{tenant}} as the IdP addressed it. */
  static String baseUrl(RoutingContext ctx) {
    String uri = ctx.request().absoluteURI();
    String prefix = "/scim/v2/" + ctx.pathParam("tenant");
    int at = uri.indexOf(prefix);
    return at < 0 ? prefix : uri.substring(0, at + prefix.length());
  }
}
