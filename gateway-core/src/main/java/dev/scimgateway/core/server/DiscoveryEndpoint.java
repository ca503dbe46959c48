package dev.scimgateway.core.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.ListResponse;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.discovery.DiscoveryDocuments;
import dev.scimgateway.core.resource.ResourceTypeRegistry;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/** {@code /ServiceProviderConfig}, {@code /ResourceTypes} and {@code /Schemas} of a tenant. */
final class DiscoveryEndpoint {

  private final ResourceTypeRegistry registry;

  DiscoveryEndpoint(ResourceTypeRegistry registry) {
    this.registry = registry;
  }

  void serviceProviderConfig(RoutingContext ctx) {
    ScimResponses.json(ctx, 200, documents(ctx).serviceProviderConfig(ScimResponses.baseUrl(ctx)));
  }

  void resourceTypes(RoutingContext ctx) {
    ScimResponses.json(ctx, 200, list(documents(ctx).resourceTypes(ScimResponses.baseUrl(ctx))));
  }

  void resourceType(RoutingContext ctx) {
    one(ctx, documents(ctx).resourceType(ctx.pathParam("id"), ScimResponses.baseUrl(ctx)), "resource type");
  }

  void schemas(RoutingContext ctx) {
    ScimResponses.json(ctx, 200, list(documents(ctx).schemas(ScimResponses.baseUrl(ctx))));
  }

  void schema(RoutingContext ctx) {
    one(ctx, documents(ctx).schema(ctx.pathParam("id"), ScimResponses.baseUrl(ctx)), "schema");
  }

  private static void one(RoutingContext ctx, Optional<ObjectNode> document, String what) {
    ScimResponses.json(ctx, 200, document.orElseThrow(() ->
        ScimFailure.notFound("This tenant has no " + what + " '" + ctx.pathParam("id") + "'.")));
  }

  private static ListResponse<ObjectNode> list(List<ObjectNode> resources) {
    return new ListResponse<>(resources.size(), resources, 1, resources.size());
  }

  private DiscoveryDocuments documents(RoutingContext ctx) {
    return new DiscoveryDocuments(registry, TenantAuthHandler.tenant(ctx).adapter());
  }
}
