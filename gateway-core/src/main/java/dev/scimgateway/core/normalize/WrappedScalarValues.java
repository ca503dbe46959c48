package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimgateway.adapter.api.AttributePaths;
import dev.scimgateway.core.resource.AttributeDefinition;
import dev.scimgateway.core.resource.ResourceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entra ID wraps scalars where RFC 7643 wants them plain ({@code "value":[{"value":"Janet"}]} for
 * {@code name.givenName}) and sends a reference such as the enterprise {@code manager} as a bare id where
 * RFC 7643 wants {@code {"value":"<id>"}}. Rewrites both in PATCH operations whose {@code path} names a
 * single-valued simple attribute, or a single-valued complex one with a {@code value} sub-attribute; and the
 * bare id in an operation without a path, whose value names such an attribute (in an extension's object too).
 */
final class WrappedScalarValues extends PatchOperationRule {

  @Override
  public String name() {
    return "wrapped-scalar-values";
  }

  @Override
  void rewrite(ResourceDefinition type, ObjectNode operation) {
    if (!operation.path("path").isTextual()) {
      if (operation.get("value") instanceof ObjectNode value) {
        wrapBareIds(type, value, "");
      }
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

  /** The fields of {@code object} (whose paths start with {@code prefix}) that give a reference as a bare id. */
  private static void wrapBareIds(ResourceDefinition type, ObjectNode object, String prefix) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode field = object.get(name);
      if (field instanceof ObjectNode extension && prefix.isEmpty() && AttributePaths.isSchemaUrn(name)) {
        wrapBareIds(type, extension, AttributePaths.prefixWithin(prefix, name));
      } else if (field.isTextual() && type.attribute(prefix + name)
          .filter(attribute -> !attribute.multiValued() && attribute.isComplex() && attribute.subAttribute("value").isPresent())
          .isPresent()) {
        object.set(name, object.objectNode().put("value", field.asText()));
      }
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
