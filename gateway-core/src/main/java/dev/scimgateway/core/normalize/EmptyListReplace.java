package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.resource.AttributeDefinition;
import dev.scimgateway.core.resource.ResourceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Okta empties a group with {@code {"op":"replace","path":"members","value":[]}} (or a no-path
 * {@code {"op":"replace","value":{"members":[]}}}), which RFC 7644's PATCH parsers refuse as an empty
 * value; it means "no values". Rewrites it as {@code {"op":"remove","path":"members"}}, for any
 * multi-valued attribute; a no-path operation keeps its other attributes and is followed by the remove.
 */
final class EmptyListReplace implements NormalizationRule {

  @Override
  public String name() {
    return "empty-list-replace";
  }

  @Override
  public void apply(ResourceDefinition type, ObjectNode body) {
    if (!(body.get("Operations") instanceof ArrayNode operations)) {
      return;
    }
    List<JsonNode> rewritten = new ArrayList<>();
    boolean changed = false;
    for (JsonNode operation : operations) {
      if (!(operation instanceof ObjectNode op) || !op.path("op").asText().equalsIgnoreCase("replace")) {
        rewritten.add(operation);
        continue;
      }
      if (op.path("path").isTextual()) {
        String path = op.get("path").asText().trim();
        if (isEmptyList(op.get("value")) && isMultiValued(type, path)) {
          rewritten.add(removal(op, path));
          changed = true;
        } else {
          rewritten.add(op);
        }
        continue;
      }
      List<String> emptied = new ArrayList<>();
      if (op.get("value") instanceof ObjectNode value) {
        value.fields().forEachRemaining(field -> {
          if (isEmptyList(field.getValue()) && isMultiValued(type, field.getKey())) {
            emptied.add(field.getKey());
          }
        });
        value.remove(emptied);
      }
      if (op.path("value").size() > 0 || emptied.isEmpty()) {
        rewritten.add(op);
      }
      emptied.forEach(name -> rewritten.add(removal(op, name)));
      changed |= !emptied.isEmpty();
    }
    if (changed) {
      operations.removeAll();
      operations.addAll(rewritten);
    }
  }

  private static boolean isEmptyList(JsonNode value) {
    return value != null && value.isArray() && value.isEmpty();
  }

  private static boolean isMultiValued(ResourceDefinition type, String path) {
    Optional<AttributeDefinition> attribute = path.contains("[") ? Optional.empty() : type.attribute(path);
    return attribute.isPresent() && attribute.get().multiValued();
  }

  private static ObjectNode removal(ObjectNode like, String path) {
    return like.objectNode().put("op", "remove").put("path", path);
  }
}
