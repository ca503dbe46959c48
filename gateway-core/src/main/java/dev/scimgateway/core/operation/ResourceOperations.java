package dev.scimgateway.core.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AttributeSelection;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.normalize.DialectNormalizer;
import dev.scimgateway.core.observability.AuditLog;
import dev.scimgateway.core.protocol.AttributeValues;
import dev.scimgateway.core.protocol.InputBounds;
import dev.scimgateway.core.protocol.ListPlan;
import dev.scimgateway.core.protocol.ListRequest;
import dev.scimgateway.core.protocol.RequiredAttributes;
import dev.scimgateway.core.protocol.SupportedAttributes;
import dev.scimgateway.core.resource.ResourceDefinition;
import dev.scimgateway.core.tenant.Tenant;
import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RFC 7644 operations on one resource type, apart from HTTP: normalizes what the IdP sent, keeps
 * what the tenant's provider stores, validates it against the type's schema, and hands it to the
 * provider, audited. PATCH is worked out by {@link PatchOperations}.
 */
public final class ResourceOperations {

  private final ResourceDefinition type;
  private final DialectNormalizer normalizer;
  private final AuditLog audit;
  private final PatchOperations patches;
  private final InputBounds bounds;
  private final Map<String, KnownProvider> providers = new ConcurrentHashMap<>();

  public ResourceOperations(ResourceDefinition type, DialectNormalizer normalizer, AuditLog audit, InputBounds bounds) {
    this.type = type;
    this.normalizer = normalizer;
    this.audit = audit;
    this.bounds = bounds;
    this.patches = new PatchOperations(type, bounds);
  }

  public ResourceDefinition type() {
    return type;
  }

  /** The limits on the protocol work of a request, e.g. for parsing a list request's filter. */
  public InputBounds bounds() {
    return bounds;
  }

  public Future<ObjectNode> create(TenantRequest request, ObjectNode body) {
    ResourceProvider provider = provider(request, Operation.CREATE);
    return provider.create(forwarded(provider, body));
  }

  public Future<ObjectNode> get(TenantRequest request, String id, AttributeSelection selection) {
    return provider(request, Operation.GET).get(existing(id), selection);
  }

  /** A page of resources; {@code id eq "…"} is answered with a read, any other filter pushed down. */
  public Future<ResourcePage> list(TenantRequest request, ListRequest query, AttributeSelection selection) {
    ResourceProvider provider = provider(request, Operation.LIST);
    ListPlan plan = ListPlan.of(query, selection, provider.capabilities(), type);
    return plan instanceof ListPlan.ById byId
        ? pageOfOne(provider, byId)
        : provider.list(((ListPlan.PushDown) plan).query());
  }

  public Future<ObjectNode> replace(TenantRequest request, String id, ObjectNode body) {
    ResourceProvider provider = provider(request, Operation.REPLACE);
    return provider.replace(existing(id), forwarded(provider, body));
  }

  public Future<ObjectNode> patch(TenantRequest request, String id, ObjectNode body) {
    return patches.apply(provider(request, Operation.MODIFY), existing(id), normalizer.normalize(type, body));
  }

  public Future<Void> delete(TenantRequest request, String id) {
    return provider(request, Operation.DELETE).delete(existing(id));
  }

  /** The body of a create or replace, normalized, checked and reduced to what the provider stores. */
  private ObjectNode forwarded(ResourceProvider provider, ObjectNode body) {
    ObjectNode checked = RequiredAttributes.check(type, normalizer.normalize(type, body));
    return AttributeValues.checkTypes(type, SupportedAttributes.retain(checked, provider.capabilities()));
  }

  /** The tenant's provider of this type, audited; 404 when it serves none, 501 without the operation. */
  private ResourceProvider provider(TenantRequest request, Operation operation) {
    ResourceProvider provider = providerOf(request.tenant())
        .orElseThrow(() -> ScimFailure.notFound("Tenant '" + request.tenant().name() + "' does not serve "
            + type.type().endpoint() + " (its adapter is " + request.tenant().adapterName() + ")"));
    if (!provider.capabilities().supports(operation)) {
      throw ScimFailure.notImplemented("The upstream of this tenant does not support "
          + operation.name().toLowerCase(Locale.ROOT) + " on " + type.type().endpoint() + ".");
    }
    return new AuditedProvider(provider, audit, type, request);
  }

  /**
   * The tenant's provider of this type, asked of its adapter once: the adapter compares resource types
   * by value, which cost a measurable share per request.
   */
  private Optional<ResourceProvider> providerOf(Tenant tenant) {
    KnownProvider known = providers.get(tenant.name());
    if (known == null || known.adapter() != tenant.adapter()) {
      known = new KnownProvider(tenant.adapter(), tenant.adapter().provider(type.type()));
      providers.put(tenant.name(), known);
    }
    return known.provider();
  }

  private record KnownProvider(ScimAdapter adapter, Optional<ResourceProvider> provider) {}

  /**
   * {@code id}, or a 404 when it can name no resource: empty, {@code .} or {@code ..} would form an empty
   * or dot segment in an upstream path, so they never reach the adapter.
   */
  private String existing(String id) {
    if (!isPossibleId(id)) {
      throw ScimFailure.notFound("No " + type.name() + " has the id '" + id + "'.");
    }
    return id;
  }

  private static boolean isPossibleId(String id) {
    return id != null && !id.isEmpty() && !id.equals(".") && !id.equals("..");
  }

  private static Future<ResourcePage> pageOfOne(ResourceProvider provider, ListPlan.ById plan) {
    if (!isPossibleId(plan.id())) {
      return Future.succeededFuture(new ResourcePage(List.of(), 0, plan.request().startIndex()));
    }
    return provider.get(plan.id(), plan.selection())
        .map(resource -> List.of(resource))
        .recover(failure -> failure instanceof ScimFailure scim && scim.status() == 404
            ? Future.succeededFuture(List.of())
            : Future.failedFuture(failure))
        .map(found -> {
          boolean onPage = plan.request().startIndex() == 1 && plan.request().count() > 0;
          return new ResourcePage(onPage ? found : List.of(), found.size(), plan.request().startIndex());
        });
  }
}
