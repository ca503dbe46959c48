package dev.scimgateway.scimsimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The resources of one type, by id, in creation order; one attribute is required and unique ignoring case
 * (a User's userName, a Group's displayName). Thread-safe.
 */
final class ResourceStore {

  private final ResourceKind kind;
  private final Map<String, ObjectNode> byId = new LinkedHashMap<>();

  ResourceStore(ResourceKind kind) {
    this.kind = kind;
  }

  ResourceKind kind() {
    return kind;
  }

  synchronized ObjectNode create(ObjectNode body) {
    checkSchemas(body);
    ObjectNode resource = withoutServerAttributes(body);
    String id = UUID.randomUUID().toString();
    checkUnique(resource, id);
    String now = Instant.now().toString();
    resource.put("id", id);
    ObjectNode meta = resource.putObject("meta");
    meta.put("resourceType", kind.name()).put("created", now).put("lastModified", now);
    byId.put(id, resource);
    return resource.deepCopy();
  }

  synchronized ObjectNode get(String id) {
    return stored(id).deepCopy();
  }

  synchronized ObjectNode replace(String id, ObjectNode body) {
    ObjectNode current = stored(id);
    checkSchemas(body);
    ObjectNode resource = withoutServerAttributes(body);
    return store(id, current, resource);
  }

  synchronized ObjectNode patch(String id, ObjectNode body) {
    ObjectNode current = stored(id);
    ObjectNode resource = withoutServerAttributes(current);
    try {
      for (PatchOperation operation : ScimJson.MAPPER.treeToValue(body, PatchRequest.class)) {
        apply(operation, resource);
      }
    } catch (ScimException e) {
      throw new ScimProblem(e.getScimError().getStatus(), e.getScimError().getScimType(), e.getMessage());
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new ScimProblem(400, "invalidSyntax", "Not a PatchOp request: " + e.getMessage());
    }
    return store(id, current, resource);
  }

  /**
   * As RFC 7644 §3.5.2.1 says, an {@code add} through a value filter to a value that exists replaces it, which
   * the SDK refuses; and a {@code replace} through a filter that matches nothing adds.
   */
  private static void apply(PatchOperation operation, ObjectNode resource) throws ScimException {
    boolean viaFilter = operation.getPath() != null && operation.getPath().toString().contains("[");
    if (!viaFilter || operation.getOpType() == PatchOpType.REMOVE) {
      operation.apply(resource);
      return;
    }
    ObjectNode attempt = resource.deepCopy();
    try {
      operation.apply(attempt);
    } catch (BadRequestException refused) {
      attempt = resource.deepCopy();
      (operation.getOpType() == PatchOpType.ADD ? PatchOperation.replace(operation.getPath(), operation.getJsonNode())
          : PatchOperation.add(operation.getPath(), operation.getJsonNode())).apply(attempt);
    }
    resource.removeAll().setAll(attempt);
  }

  synchronized void delete(String id) {
    stored(id);
    byId.remove(id);
  }

  /** Drops {@code memberId} from every resource's {@code members}, as a deleted user leaves its groups. */
  synchronized void dropMember(String memberId) {
    for (ObjectNode resource : byId.values()) {
      if (resource.get("members") instanceof ArrayNode members) {
        for (int i = members.size() - 1; i >= 0; i--) {
          if (memberId.equals(members.get(i).path("value").asText())) {
            members.remove(i);
          }
        }
      }
    }
  }

  synchronized boolean contains(String id) {
    return byId.containsKey(id);
  }

  /** The resources {@code filter} matches (all for null), in creation order. */
  synchronized List<ObjectNode> find(Filter filter) {
    List<ObjectNode> found = new ArrayList<>();
    for (ObjectNode resource : byId.values()) {
      try {
        if (filter == null || FilterEvaluator.evaluate(filter, resource)) {
          found.add(resource.deepCopy());
        }
      } catch (ScimException e) {
        throw new ScimProblem(400, "invalidFilter", e.getMessage());
      }
    }
    return found;
  }

  synchronized List<ObjectNode> all() {
    return byId.values().stream().map(ObjectNode::deepCopy).toList();
  }

  synchronized void clear() {
    byId.clear();
  }

  private ObjectNode store(String id, ObjectNode current, ObjectNode resource) {
    checkUnique(resource, id);
    resource.put("id", id);
    ObjectNode meta = current.path("meta").deepCopy();
    meta.put("lastModified", Instant.now().toString());
    resource.set("meta", meta);
    byId.put(id, resource);
    return resource.deepCopy();
  }

  private ObjectNode stored(String id) {
    ObjectNode resource = byId.get(id);
    if (resource == null) {
      throw ScimProblem.notFound(kind.name() + " " + id);
    }
    return resource;
  }

  private void checkUnique(ObjectNode resource, String id) {
    JsonNode value = resource.path(kind.uniqueAttribute());
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new ScimProblem(400, "invalidValue", kind.name() + " requires a non-empty " + kind.uniqueAttribute() + ".");
    }
    String wanted = value.asText().toLowerCase(Locale.ROOT);
    for (Map.Entry<String, ObjectNode> entry : byId.entrySet()) {
      if (!entry.getKey().equals(id)
          && entry.getValue().path(kind.uniqueAttribute()).asText().toLowerCase(Locale.ROOT).equals(wanted)) {
        throw new ScimProblem(409, "uniqueness", "A " + kind.name() + " with " + kind.uniqueAttribute() + " '"
            + value.asText() + "' already exists.");
      }
    }
  }

  /**
   * As a strict SCIM server does (RFC 7643 §3): a field named by a URN must be an extension of the kind, and
   * listed in {@code schemas}.
   */
  private void checkSchemas(ObjectNode body) {
    Set<String> listed = new HashSet<>();
    body.path("schemas").forEach(urn -> listed.add(urn.asText().toLowerCase(Locale.ROOT)));
    body.fieldNames().forEachRemaining(field -> {
      if (!field.regionMatches(true, 0, "urn:", 0, 4)) {
        return;
      }
      if (kind.extension(field).isEmpty()) {
        throw new ScimProblem(400, "invalidSyntax", "A " + kind.name() + " has no schema extension '" + field + "'.");
      }
      if (!listed.contains(field.toLowerCase(Locale.ROOT))) {
        throw new ScimProblem(400, "invalidValue", "The extension '" + field + "' is not listed in schemas.");
      }
    });
  }

  private ObjectNode withoutServerAttributes(ObjectNode body) {
    ObjectNode copy = body.deepCopy();
    copy.remove(List.of("id", "meta"));
    ArrayNode schemas = copy.putArray("schemas").add(kind.schema());
    copy.fieldNames().forEachRemaining(field -> kind.extension(field).ifPresent(schemas::add));
    return copy;
  }
}
