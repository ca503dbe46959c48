package dev.scimgateway.core.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.messages.ListResponse;
import dev.scimgateway.adapter.api.ChangeSet;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.normalize.DialectNormalizer;
import dev.scimgateway.core.observability.AuditLog;
import dev.scimgateway.core.observability.RequestLogHandler;
import dev.scimgateway.core.protocol.AttributeProjection;
import dev.scimgateway.core.protocol.AttributeValues;
import dev.scimgateway.core.protocol.ListPlan;
import dev.scimgateway.core.protocol.ListRequest;
import dev.scimgateway.core.protocol.PatchApplier;
import dev.scimgateway.core.protocol.RequiredAttributes;
import dev.scimgateway.core.protocol.ScimJson;
import dev.scimgateway.core.protocol.ScimMediaType;
import dev.scimgateway.core.protocol.SupportedAttributes;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The RFC 7644 operations on one resource type of an authenticated tenant: normalizes the request,
 * keeps what the tenant's provider supports, calls it and writes the SCIM response.
 */
final class ResourceEndpoint {

  private final ResourceType type;
  private final DialectNormalizer normalizer;
  private final AuditLog audit;

  ResourceEndpoint(ResourceType type, DialectNormalizer normalizer, AuditLog audit) {
    this.type = type;
    this.normalizer = normalizer;
    this.audit = audit;
  }

  void create(RoutingContext ctx) {
    ResourceProvider provider = provider(ctx, Operation.CREATE);
    ObjectNode body = RequiredAttributes.check(type, requestBody(ctx));
    ObjectNode forwarded = AttributeValues.checkTypes(type, SupportedAttributes.retain(body, provider.capabilities()));
    provider.create(forwarded)
        .andThen(outcome -> audit(ctx, "create", outcome.succeeded() ? outcome.result().path("id").asText(null) : null,
            forwarded, new ChangeSet(ScimJson.newObject(), forwarded).changedPaths(), outcome.cause()))
        .onSuccess(created -> ScimResponses.resource(ctx, 201, type, created))
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    provider(ctx, Operation.GET).get(ctx.pathParam("id"))
        .onSuccess(resource -> ScimResponses.resource(ctx, 200, type, resource))
        .onFailure(ctx::fail);
  }

  void list(RoutingContext ctx) {
    ResourceProvider provider = provider(ctx, Operation.LIST);
    ListRequest request = ListRequest.fromQuery(ctx.queryParams());
    ListPlan plan = ListPlan.of(request, provider.capabilities());
    Future<ResourcePage> page = plan instanceof ListPlan.ById byId
        ? pageOfOne(provider, byId)
        : provider.list(((ListPlan.PushDown) plan).query());
    page.onSuccess(result -> ScimResponses.json(ctx, 200, listResponse(ctx, result)))
        .onFailure(ctx::fail);
  }

  void replace(RoutingContext ctx) {
    ResourceProvider provider = provider(ctx, Operation.REPLACE);
    ObjectNode body = RequiredAttributes.check(type, requestBody(ctx));
    ObjectNode forwarded = AttributeValues.checkTypes(type, SupportedAttributes.retain(body, provider.capabilities()));
    String id = ctx.pathParam("id");
    provider.replace(id, forwarded)
        .andThen(outcome -> audit(ctx, "replace", id, forwarded,
            new ChangeSet(ScimJson.newObject(), forwarded).changedPaths(), outcome.cause()))
        .onSuccess(replaced -> ScimResponses.resource(ctx, 200, type, replaced))
        .onFailure(ctx::fail);
  }

  /**
   * Reads the resource, applies the PATCH here, and hands the provider only the change of attributes
   * it stores; a PATCH that changes nothing the provider stores costs no upstream write. A resource
   * the provider remembered is trusted only when every attribute the IdP targets differs from it;
   * otherwise the upstream may already differ, and only a fresh read can tell what to write.
   */
  void patch(RoutingContext ctx) {
    ResourceProvider provider = provider(ctx, Operation.MODIFY);
    PatchApplier patch = PatchApplier.of(requestBody(ctx));
    ResourceCapabilities capabilities = provider.capabilities();
    Set<String> targeted = SupportedAttributes.targeted(patch.targetedPaths(), capabilities);
    String id = ctx.pathParam("id");
    provider.readForChange(id, targeted)
        .compose(snapshot -> {
          PlannedChange planned = PlannedChange.of(type, snapshot.resource(), patch, capabilities);
          return snapshot.mayBeStale() && !planned.changes().changedPaths().containsAll(targeted)
              ? provider.get(id).map(fresh -> PlannedChange.of(type, fresh, patch, capabilities))
              : Future.succeededFuture(planned);
        })
        .compose(planned -> planned.changes().isEmpty()
            ? Future.succeededFuture(planned.current())
            : provider.modify(id, planned.changes()).andThen(outcome -> audit(ctx, "modify", id,
                planned.changes().after(), planned.changes().changedPaths(), outcome.cause())))
        .onSuccess(modified -> ScimResponses.resource(ctx, 200, type, modified))
        .onFailure(ctx::fail);
  }

  /** A resource as read, and the change a PATCH makes to what the provider stores of it. */
  private record PlannedChange(ObjectNode current, ChangeSet changes) {

    /** Fails with 400 when the patched resource lacks a required attribute or has a value of the wrong type. */
    static PlannedChange of(ResourceType type, ObjectNode current, PatchApplier patch, ResourceCapabilities capabilities) {
      ObjectNode patched = RequiredAttributes.check(type, patch.applyTo(current));
      return new PlannedChange(current, new ChangeSet(
          SupportedAttributes.retain(current, capabilities),
          AttributeValues.checkTypes(type, SupportedAttributes.retain(patched, capabilities))));
    }
  }

  void delete(RoutingContext ctx) {
    ResourceProvider provider = provider(ctx, Operation.DELETE);
    String id = ctx.pathParam("id");
    provider.delete(id)
        .andThen(outcome -> audit(ctx, provider.capabilities().deleteDeactivates() ? "deactivate" : "delete", id,
            ScimJson.newObject(), provider.capabilities().deleteDeactivates() ? Set.of("active") : Set.of(), outcome.cause()))
        .onSuccess(ignored -> ScimResponses.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void audit(RoutingContext ctx, String action, String id, ObjectNode resource, Set<String> attributes,
      Throwable failure) {
    audit.change(RequestLogHandler.requestId(ctx), TenantAuthHandler.tenant(ctx).name(), action, type.name(), id,
        resource.path("userName").asText(null), attributes, failure);
  }

  private ResourceProvider provider(RoutingContext ctx, Operation operation) {
    ResourceProvider provider = TenantAuthHandler.tenant(ctx).provider(type);
    if (!provider.capabilities().supports(operation)) {
      throw ScimFailure.notImplemented("The upstream of this tenant does not support "
          + operation.name().toLowerCase(Locale.ROOT) + " on " + type.endpoint() + ".");
    }
    return provider;
  }

  /** The body as a normalized JSON object; a body declared as anything but JSON is a 415. */
  private ObjectNode requestBody(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
      throw ScimFailure.unsupportedMediaType("The body must be " + ScimMediaType.SCIM_JSON + " or " + ScimMediaType.JSON
          + ", not " + contentType + ".");
    }
    return normalizer.normalize(ScimJson.parseObject(ctx.body().buffer() == null ? null : ctx.body().buffer().getBytes()));
  }

  private static Future<ResourcePage> pageOfOne(ResourceProvider provider, ListPlan.ById plan) {
    return provider.get(plan.id())
        .map(resource -> List.of(resource))
        .recover(failure -> failure instanceof ScimFailure scim && scim.status() == 404
            ? Future.succeededFuture(List.of())
            : Future.failedFuture(failure))
        .map(found -> {
          boolean onPage = plan.request().startIndex() == 1 && plan.request().count() > 0;
          return new ResourcePage(onPage ? found : List.of(), found.size(), plan.request().startIndex());
        });
  }

  private ListResponse<ObjectNode> listResponse(RoutingContext ctx, ResourcePage page) {
    AttributeProjection projection = AttributeProjection.fromQuery(ctx.queryParams());
    List<ObjectNode> resources = page.resources().stream()
        .map(resource -> ScimResponses.projected(projection, ScimResponses.decorate(ctx, type, resource)))
        .toList();
    return new ListResponse<>(page.totalResults(), resources, page.startIndex(), resources.size());
  }
}
