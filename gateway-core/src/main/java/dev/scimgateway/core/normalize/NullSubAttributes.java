package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.resource.AttributeDefinition;
import dev.scimgateway.core.resource.ResourceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entra ID sends group members as {@code {"$ref":null,"value":"<id>"}}; RFC 7643 §2.5 says a null is an
 * unassigned attribute. Drops the null sub-attributes of the values of multi-valued complex attributes:
 * in a resource, in a PATCH operation whose {@code path} names such an attribute, and in a no-path
 * operation's {@code value} object.
 */
final class NullSubAttributes implements NormalizationRule {

  @Override
  public String name() {
    return "null-sub-attributes";
  }

  @Override
  public void apply(ResourceDefinition type, ObjectNode body) {
    clean(type, body);
    for (JsonNode operation : body.path("Operations")) {
      JsonNode value = operation.path("value");
      if (operation.path("path").isTextual()) {
        if (isMultiValuedComplex(type, operation.get("path").asText())) {
          dropNulls(value);
        }
      } else if (value instanceof ObjectNode object) {
        clean(type, object);
      }
    }
  }

  /** Drops the null sub-attributes of the values of each multi-valued complex attribute of {@code resource}. */
  private static void clean(ResourceDefinition type, ObjectNode resource) {
    List<String> names = new ArrayList<>();
    resource.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (isMultiValuedComplex(type, name)) {
        dropNulls(resource.get(name));
      }
    }
  }

  private static boolean isMultiValuedComplex(ResourceDefinition type, String path) {
    Optional<AttributeDefinition> attribute = path.contains("[") ? Optional.empty() : type.attribute(path);
    return attribute.isPresent() && attribute.get().multiValued() && attribute.get().isComplex();
  }

  private static void dropNulls(JsonNode values) {
    for (JsonNode value : values.isArray() ? values : List.of(values)) {
      if (value instanceof ObjectNode element) {
        List<String> nulls = new ArrayList<>();
        element.fields().forEachRemaining(field -> {
          if (field.getValue().isNull()) {
            nulls.add(field.getKey());
          }
        });
        element.remove(nulls);
      }
    }
  }
}
