package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.resource.AttributeDefinition;
import dev.scimgateway.core.resource.ResourceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entra ID (without the {@code aadOptscim062020} flag) removes group members as
 * {@code {"op":"Remove","path":"members","value":[{"value":"<id>"}]}}; in RFC 7644 a remove of
 * {@code members} without a filter removes them all. Rewrites such an operation, for any multi-valued
 * complex attribute with a {@code value} sub-attribute, into one {@code remove members[value eq "<id>"]}
 * per value listed. An operation any of whose values has no string {@code value} is left alone.
 */
final class RemovalByValueList extends OperationExpansionRule {

  @Override
  public String name() {
    return "removal-by-value-list";
  }

  @Override
  Optional<List<ObjectNode>> replacements(ResourceDefinition type, JsonNode operation) {
    if (!operation.path("op").asText().equalsIgnoreCase("remove") || !operation.path("path").isTextual()) {
      return Optional.empty();
    }
    String path = operation.get("path").asText().trim();
    JsonNode value = operation.path("value");
    Optional<AttributeDefinition> attribute = path.contains("[") ? Optional.empty() : type.attribute(path);
    boolean listsValues = attribute.isPresent() && attribute.get().multiValued() && attribute.get().isComplex()
        && attribute.get().subAttribute("value").isPresent();
    JsonNode values = value.isObject() ? JsonNodeFactory.instance.arrayNode().add(value) : value;
    if (!listsValues || !values.isArray() || values.isEmpty()) {
      return Optional.empty();
    }
    List<ObjectNode> removals = new ArrayList<>();
    for (JsonNode element : values) {
      if (!element.path("value").isTextual()) {
        return Optional.empty();
      }
      removals.add(((ObjectNode) operation).objectNode().put("op", "remove")
          .put("path", path + "[value eq \"" + escaped(element.get("value").asText()) + "\"]"));
    }
    return Optional.of(removals);
  }

  private static String escaped(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
