package dev.scimgateway.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimgateway.adapter.api.AttributePaths;
import dev.scimgateway.adapter.api.AttributeSelection;
import dev.scimgateway.adapter.api.FilterOperator;
import dev.scimgateway.adapter.api.ListFilter;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.PatchOperation;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceChange;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.adapter.support.cluster.CreateGuard;
import dev.scimgateway.adapter.support.upstream.SafeCreate;
import dev.scimgateway.adapter.support.upstream.UpstreamCall;
import dev.scimgateway.adapter.support.upstream.UpstreamClient;
import dev.scimgateway.scim.ScimSettings.DeleteMode;
import dev.scimgateway.scim.ScimSettings.PatchMode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One resource type on a SCIM upstream, as its {@link TypePlan} says: the gateway's operations become the
 * same SCIM requests upstream, holding only what the upstream stores.
 */
final class ScimResources implements ResourceProvider {

  private static final PatchOperation DEACTIVATE =
      new PatchOperation(PatchOperation.Op.REPLACE, Optional.of("active"), BooleanNode.FALSE);

  private final UpstreamClient client;
  private final SafeCreate safeCreate;
  private final CreateGuard creates;
  private volatile Served served;

  /**
   * What the plan settles, made once per plan.
   *
   * @param storedTopLevel the top-level attributes the upstream stores: lower case → as the upstream spells them
   */
  private record Served(TypePlan plan, ResourceCapabilities capabilities, String endpoint,
      Map<String, String> storedTopLevel) {

    static Served of(TypePlan plan) {
      Map<String, String> storedTopLevel = new TreeMap<>();
      plan.attributes().forEach(path -> {
        String name = AttributePaths.topLevel(path);
        storedTopLevel.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
      });
      return new Served(plan, plan.capabilities(), "/" + plan.type().endpoint(), Map.copyOf(storedTopLevel));
    }
  }

  ScimResources(UpstreamClient client, TypePlan plan, SafeCreate safeCreate, CreateGuard creates) {
    this.client = client;
    this.safeCreate = safeCreate;
    this.creates = creates;
    this.served = Served.of(plan);
  }

  /** Serves by {@code plan} from now on: the upstream's discovery documents were read again. */
  void replan(TypePlan plan) {
    served = Served.of(plan);
  }

  @Override
  public ResourceCapabilities capabilities() {
    return served.capabilities();
  }

  /**
   * A POST, looked up by the first look-up attribute it has when its outcome is unknown (see {@link SafeCreate});
   * the same create at two replicas at once is sent once (see {@link CreateGuard}).
   */
  @Override
  public Future<ObjectNode> create(ObjectNode resource) {
    ObjectNode body = withSchema(resource);
    Optional<ListFilter.Comparison> identity = plan().lookUps().stream()
        .filter(attribute -> resource.path(attribute).isTextual())
        .findFirst()
        .map(attribute -> new ListFilter.Comparison(attribute, FilterOperator.EQ, resource.get(attribute).asText(), false));
    Supplier<Future<ObjectNode>> send = () -> safeCreate.send(
        () -> client.call(UpstreamCall.send(HttpMethod.POST, endpoint(), body)).map(this::resource),
        () -> identity.isEmpty() ? Future.succeededFuture(Optional.empty())
            : list(new ListQuery(identity.map(term -> new ListFilter(List.of(term))), 1, 1))
                .map(page -> page.resources().stream().findFirst()));
    return identity.map(term -> creates.once(
            plan().type().name() + " " + term.attribute() + " " + term.value().toLowerCase(Locale.ROOT), send,
            id -> get(id).map(Optional::of).recover(gone -> gone instanceof ScimFailure failure && failure.status() == 404
                ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(gone)),
            created -> created.path("id").asText()))
        .orElseGet(send);
  }

  @Override
  public Future<ObjectNode> get(String id, AttributeSelection selection) {
    Map<String, String> parameters = new LinkedHashMap<>();
    leftOut(selection).ifPresent(excluded -> parameters.put("excludedAttributes", excluded));
    return client.call(UpstreamCall.get(path(id), parameters)).map(this::resource);
  }

  @Override
  public Future<ResourcePage> list(ListQuery query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    query.filter().ifPresent(filter -> parameters.put("filter", filterText(filter)));
    parameters.put("startIndex", String.valueOf(query.startIndex()));
    parameters.put("count", String.valueOf(query.count()));
    leftOut(query.selection()).ifPresent(excluded -> parameters.put("excludedAttributes", excluded));
    return client.call(UpstreamCall.get(endpoint(), parameters)).map(answer -> {
      List<ObjectNode> resources = new ArrayList<>();
      answer.path("Resources").forEach(resource -> resources.add(resource(resource)));
      List<ObjectNode> page = query.count() == 0 ? List.of() : resources.subList(0, Math.min(resources.size(), query.count()));
      return new ResourcePage(page, answer.path("totalResults").asInt(resources.size()),
          answer.path("startIndex").asInt(query.startIndex()));
    });
  }

  @Override
  public Future<ObjectNode> replace(String id, ObjectNode resource) {
    return client.call(UpstreamCall.send(HttpMethod.PUT, path(id), withSchema(resource))).map(this::resource);
  }

  /**
   * {@code patch: operations}: the operations on stored attributes, as one PATCH, without a read;
   * {@code patch: put}: the resource with the operations applied, as one PUT after a read, only if it changed.
   */
  @Override
  public Future<ObjectNode> modify(String id, ResourceChange change) {
    if (change.attributes().isEmpty()) {
      return get(id);
    }
    if (plan().patch() == PatchMode.OPERATIONS) {
      return StoredOperations.body(change.operations(), plan().attributes())
          .map(body -> client.call(UpstreamCall.send(HttpMethod.PATCH, path(id), body))
              .compose(answer -> answer.path("id").isTextual() ? Future.succeededFuture(resource(answer)) : get(id)))
          .orElseGet(() -> get(id));
    }
    return change.resolve().compose(changes -> changes.isEmpty()
        ? Future.succeededFuture(changes.current())
        : replace(id, changes.after()));
  }

  @Override
  public Future<Void> delete(String id) {
    if (plan().delete() == DeleteMode.DELETE) {
      return client.call(new UpstreamCall(HttpMethod.DELETE, path(id), Map.of(), null)).mapEmpty();
    }
    if (plan().patch() == PatchMode.OPERATIONS) {
      ObjectNode body = StoredOperations.body(List.of(DEACTIVATE), Set.of("active")).orElseThrow();
      return client.call(UpstreamCall.send(HttpMethod.PATCH, path(id), body)).mapEmpty();
    }
    return get(id).compose(current -> {
      ObjectNode inactive = StoredOperations.retain(current, plan().attributes(), "");
      inactive.put("active", false);
      return replace(id, inactive);
    }).mapEmpty();
  }

  /**
   * The stored attributes the IdP's {@code excludedAttributes} leaves out, for the upstream to leave out too
   * (RFC 7644 §3.9: a group read without its members is a small answer). The gateway projects the answer
   * itself in any case, so an upstream that ignores the parameter costs only the bytes.
   */
  private Optional<String> leftOut(AttributeSelection selection) {
    if (!selection.attributes().isEmpty()) {
      return Optional.empty();
    }
    List<String> names = selection.excluded().stream().map(served.storedTopLevel()::get).filter(Objects::nonNull).sorted().toList();
    return names.isEmpty() ? Optional.empty() : Optional.of(String.join(",", names));
  }

  /** E.g. {@code userName eq "jane@example.com" and active eq true}. */
  private String filterText(ListFilter filter) {
    return filter.terms().stream().map(term -> {
      String operator = term.operator().name().toLowerCase(Locale.ROOT);
      if (term.operator() == FilterOperator.PR) {
        return term.attribute() + " pr";
      }
      boolean bare = plan().booleans().stream().anyMatch(term.attribute()::equalsIgnoreCase)
          && (term.value().equals("true") || term.value().equals("false"));
      return term.attribute() + " " + operator + " " + (bare ? term.value() : TextNode.valueOf(term.value()).toString());
    }).collect(Collectors.joining(" and "));
  }

  private String path(String id) {
    return endpoint() + "/" + UpstreamCall.pathSegment(id);
  }

  /** The resource with its {@code schemas}: the type's, and those of the extensions whose attributes it holds. */
  private ObjectNode withSchema(ObjectNode resource) {
    ObjectNode body = resource.objectNode();
    ArrayNode schemas = body.putArray("schemas").add(plan().type().schema());
    resource.fields().forEachRemaining(field -> {
      if (AttributePaths.isSchemaUrn(field.getKey()) && field.getValue().isObject()) {
        schemas.add(field.getKey());
      }
      if (!field.getKey().equals("schemas")) {
        body.set(field.getKey(), field.getValue());
      }
    });
    return body;
  }

  private ObjectNode resource(JsonNode answer) {
    if (!(answer instanceof ObjectNode resource) || !answer.path("id").isTextual()) {
      throw ScimFailure.badGateway("The upstream answered a request on " + endpoint() + " without a " + plan().type().name()
          + " resource (no id).");
    }
    return resource;
  }

  private TypePlan plan() {
    return served.plan();
  }

  private String endpoint() {
    return served.endpoint();
  }
}
