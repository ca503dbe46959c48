package dev.scimgateway.core.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AttributeSelection;
import dev.scimgateway.adapter.api.ChangeSet;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceChange;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.core.observability.AuditLog;
import dev.scimgateway.core.protocol.JsonPaths;
import dev.scimgateway.core.protocol.ScimJson;
import dev.scimgateway.core.resource.ResourceDefinition;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A provider whose every change upstream (create, replace, modify, delete) writes one audit line when it
 * ends: the action, the resource, the names of the attributes changed (never their values) and the
 * outcome. Reads pass through.
 */
final class AuditedProvider implements ResourceProvider {

  private final ResourceProvider delegate;
  private final AuditLog audit;
  private final ResourceDefinition type;
  private final TenantRequest request;

  AuditedProvider(ResourceProvider delegate, AuditLog audit, ResourceDefinition type, TenantRequest request) {
    this.delegate = delegate;
    this.audit = audit;
    this.type = type;
    this.request = request;
  }

  @Override
  public ResourceCapabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public Future<ObjectNode> create(ObjectNode resource) {
    return delegate.create(resource).andThen(outcome -> audit("create",
        outcome.succeeded() ? outcome.result().path("id").asText(null) : null, resource, written(resource), outcome));
  }

  @Override
  public Future<ObjectNode> get(String id, AttributeSelection selection) {
    return delegate.get(id, selection);
  }

  @Override
  public Future<ResourcePage> list(ListQuery query) {
    return delegate.list(query);
  }

  @Override
  public Future<ObjectNode> replace(String id, ObjectNode resource) {
    return delegate.replace(id, resource).andThen(outcome -> audit("replace", id, resource, written(resource), outcome));
  }

  /** A change of nothing the upstream stores changes nothing upstream, so it is not audited. */
  @Override
  public Future<ObjectNode> modify(String id, ResourceChange change) {
    if (change.attributes().isEmpty()) {
      return delegate.modify(id, change);
    }
    return delegate.modify(id, change).andThen(outcome -> audit("modify", id,
        outcome.succeeded() ? outcome.result() : ScimJson.newObject(), change.attributes(), outcome));
  }

  @Override
  public Future<Void> delete(String id) {
    boolean deactivates = delegate.capabilities().deleteDeactivates();
    return delegate.delete(id).andThen(outcome -> audit(deactivates ? "deactivate" : "delete", id,
        ScimJson.newObject(), deactivates ? Set.of("active") : Set.of(), outcome));
  }

  private void audit(String action, String id, ObjectNode resource, Collection<String> attributes, AsyncResult<?> outcome) {
    String display = type.displayAttribute().map(name -> JsonPaths.fieldIgnoringCase(resource, name).asText(null)).orElse(null);
    audit.change(request.requestId(), request.tenant().name(), action, type.name(), id, display, attributes,
        outcome.failed() ? outcome.cause() : null);
  }

  /** The paths of the values a create or replace writes: what {@link ChangeSet} would find changed from nothing. */
  private static Set<String> written(ObjectNode resource) {
    Set<String> paths = new LinkedHashSet<>();
    JsonPaths.collectLeafPaths(resource, "", paths);
    return paths;
  }
}
