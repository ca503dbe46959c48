package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.resource.ResourceDefinition;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Entra ID sends booleans as strings ({@code "True"}, {@code "False"}). Rewrites the attributes the
 * resource type's schemas declare boolean wherever they appear: in a resource, in a PATCH operation's
 * {@code value} object, and as the {@code value} of an operation whose {@code path} names one.
 */
final class StringBooleans implements NormalizationRule {

  @Override
  public String name() {
    return "string-booleans";
  }

  @Override
  public void apply(ResourceDefinition type, ObjectNode body) {
    Set<String> booleans = type.booleanAttributeNames();
    rewrite(body, booleans);
    for (JsonNode operation : body.path("Operations")) {
      if (operation instanceof ObjectNode op) {
        String path = op.path("path").asText("");
        String lastSegment = path.substring(Math.max(path.lastIndexOf('.'), path.lastIndexOf(':')) + 1);
        if (booleans.contains(lastSegment) && op.path("value").isTextual()) {
          toBoolean(op.get("value").asText()).ifPresent(value -> op.set("value", value));
        }
        rewrite(op.path("value"), booleans);
      }
    }
  }

  private static void rewrite(JsonNode node, Set<String> booleans) {
    if (node instanceof ObjectNode object) {
      // The fields to rewrite are set after the walk: an object must not change while it is walked.
      Map<String, JsonNode> rewritten = null;
      for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode value = field.getValue();
        if (value.isTextual() && booleans.contains(field.getKey())) {
          Optional<JsonNode> bool = toBoolean(value.asText());
          if (bool.isPresent()) {
            rewritten = rewritten == null ? new LinkedHashMap<>() : rewritten;
            rewritten.put(field.getKey(), bool.get());
          }
        } else if (value.isContainerNode() && !field.getKey().equals("Operations")) {
          rewrite(value, booleans);
        }
      }
      if (rewritten != null) {
        rewritten.forEach(object::set);
      }
    } else if (node != null && node.isArray()) {
      node.forEach(element -> rewrite(element, booleans));
    }
  }

  private static Optional<JsonNode> toBoolean(String text) {
    if (text.equalsIgnoreCase("true")) {
      return Optional.of(BooleanNode.TRUE);
    }
    if (text.equalsIgnoreCase("false")) {
      return Optional.of(BooleanNode.FALSE);
    }
    return Optional.empty();
  }
}
