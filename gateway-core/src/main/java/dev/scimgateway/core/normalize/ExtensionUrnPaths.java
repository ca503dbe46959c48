package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.resource.AttributeDefinition;
import dev.scimgateway.core.resource.ResourceDefinition;
import dev.scimgateway.core.resource.SchemaDefinition;
import java.util.List;
import java.util.Optional;

/**
 * An operation whose {@code path} is an extension schema's URN alone ({@code "path":"urn:…:enterprise:2.0:User"})
 * names no attribute in RFC 7644's path grammar, which would read the URN's last part as an attribute. An
 * {@code add} or {@code replace} of the extension's object becomes the operation without a path whose value holds
 * that object; a {@code remove} becomes a {@code remove} of each of the extension's writable attributes.
 */
final class ExtensionUrnPaths extends OperationExpansionRule {

  @Override
  public String name() {
    return "extension-urn-paths";
  }

  @Override
  Optional<List<ObjectNode>> replacements(ResourceDefinition type, JsonNode operation) {
    JsonNode path = operation.path("path");
    Optional<SchemaDefinition> extension = path.isTextual() ? type.extension(path.asText().trim()) : Optional.empty();
    if (extension.isEmpty() || !(operation instanceof ObjectNode named)) {
      return Optional.empty();
    }
    if ("remove".equalsIgnoreCase(named.path("op").asText())) {
      List<ObjectNode> removals = extension.get().attributes().stream()
          .filter(attribute -> !attribute.mutability().equals("readOnly"))
          .map(AttributeDefinition::name)
          .map(name -> named.objectNode().put("op", "remove").put("path", extension.get().id() + ":" + name))
          .toList();
      return removals.isEmpty() ? Optional.empty() : Optional.of(removals);
    }
    if (!named.path("value").isObject()) {
      return Optional.empty();
    }
    ObjectNode withoutPath = named.deepCopy();
    withoutPath.remove("path");
    withoutPath.set("value", named.objectNode().set(extension.get().id(), named.get("value")));
    return Optional.of(List.of(withoutPath));
  }
}
