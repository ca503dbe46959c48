package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimgateway.core.resource.AttributeDefinition;
import dev.scimgateway.core.resource.ResourceDefinition;
import java.util.Optional;

/**
 * Entra ID wraps scalars where RFC 7643 wants them plain ({@code "value":[{"value":"Janet"}]} for
 * {@code name.givenName}) and sends a reference such as the enterprise {@code manager} as a bare id where
 * RFC 7643 wants {@code {"value":"<id>"}}. Rewrites both in PATCH operations whose {@code path} names a
 * single-valued simple attribute, or a single-valued complex one with a {@code value} sub-attribute.
 */
final class WrappedScalarValues extends PatchOperationRule {

  @Override
  public String name() {
    return "wrapped-scalar-values";
  }

  @Override
  void rewrite(ResourceDefinition type, ObjectNode operation) {
    if (!operation.path("path").isTextual()) {
      return;
    }
    Optional<AttributeDefinition> attribute = type.attribute(operation.get("path").asText());
    if (attribute.isEmpty() || attribute.get().multiValued()) {
      return;
    }
    JsonNode value = operation.path("value");
    if (!attribute.get().isComplex()) {
      unwrap(value).ifPresent(scalar -> operation.set("value", scalar));
    } else if (attribute.get().subAttribute("value").isPresent() && value.isTextual()) {
      operation.set("value", operation.objectNode().set("value", TextNode.valueOf(value.asText())));
    }
  }

  private static Optional<JsonNode> unwrap(JsonNode value) {
    JsonNode candidate = value;
    if (candidate.isArray() && candidate.size() == 1) {
      candidate = candidate.get(0);
    }
    if (candidate.isObject() && candidate.size() == 1 && candidate.has("value") && candidate.get("value").isValueNode()) {
      return Optional.of(candidate.get("value"));
    }
    return Optional.empty();
  }
}
