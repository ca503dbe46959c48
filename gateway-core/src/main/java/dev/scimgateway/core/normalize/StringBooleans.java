package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.protocol.CoreSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Entra ID sends booleans as strings ({@code "True"}, {@code "False"}). Rewrites the boolean
 * attributes of the core User schema wherever they appear: in a resource, in a PATCH operation's
 * {@code value} object, and as the {@code value} of an operation whose {@code path} names one.
 */
final class StringBooleans implements NormalizationRule {

  private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("active", "primary");

  @Override
  public String name() {
    return "string-booleans";
  }

  @Override
  public void apply(ObjectNode body) {
    rewrite(body);
    for (JsonNode operation : body.path("Operations")) {
      if (operation instanceof ObjectNode op) {
        String path = CoreSchema.unqualified(op.path("path").asText(""));
        String lastSegment = path.substring(path.lastIndexOf('.') + 1);
        if (isBooleanAttribute(lastSegment) && op.path("value").isTextual()) {
          toBoolean(op.get("value").asText()).ifPresent(value -> op.set("value", value));
        }
        rewrite(op.path("value"));
      }
    }
  }

  private static void rewrite(JsonNode node) {
    if (node instanceof ObjectNode object) {
      // Collect the names first: the SCIM SDK's case-insensitive nodes hand out copies of their
      // entries, so writing through an entry would change nothing.
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (isBooleanAttribute(name) && value.isTextual()) {
          toBoolean(value.asText()).ifPresent(bool -> object.set(name, bool));
        } else if (value.isContainerNode() && !name.equals("Operations")) {
          rewrite(value);
        }
      }
    } else if (node != null && node.isArray()) {
      node.forEach(StringBooleans::rewrite);
    }
  }

  private static boolean isBooleanAttribute(String name) {
    return BOOLEAN_ATTRIBUTES.stream().anyMatch(name::equalsIgnoreCase);
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
