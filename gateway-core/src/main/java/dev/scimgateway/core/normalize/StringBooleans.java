package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.resource.ResourceDefinition;
import java.util.ArrayList;
import java.util.List;
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
      // Collect the names first: the SCIM SDK's case-insensitive nodes hand out copies of their
      // entries, so writing through an entry would change nothing.
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (value.isTextual() && booleans.contains(name)) {
          toBoolean(value.asText()).ifPresent(bool -> object.set(name, bool));
        } else if (value.isContainerNode() && !name.equals("Operations")) {
          rewrite(value, booleans);
        }
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
