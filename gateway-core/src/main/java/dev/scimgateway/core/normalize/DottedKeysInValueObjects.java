package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.resource.ResourceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Entra ID's no-path operations may name sub-attributes with dotted keys
 * ({@code {"op":"replace","value":{"name.givenName":"Janet"}}}); RFC 7644 nests them
 * ({@code {"name":{"givenName":"Janet"}}}), at the top and in an extension's object
 * ({@code {"urn:…:enterprise:2.0:User":{"manager.value":"m-1"}}}). Schema URN keys, which contain dots, are left alone.
 */
final class DottedKeysInValueObjects extends PatchOperationRule {

  @Override
  public String name() {
    return "dotted-keys-in-value-objects";
  }

  @Override
  void rewrite(ResourceDefinition type, ObjectNode operation) {
    if (!operation.hasNonNull("path") && operation.get("value") instanceof ObjectNode value) {
      nest(value);
      value.fields().forEachRemaining(field -> {
        if (field.getValue() instanceof ObjectNode extension && type.extension(field.getKey()).isPresent()) {
          nest(extension);
        }
      });
    }
  }

  private static void nest(ObjectNode value) {
    List<Map.Entry<String, JsonNode>> dotted = new ArrayList<>();
    value.fields().forEachRemaining(field -> {
      if (field.getKey().contains(".") && !field.getKey().regionMatches(true, 0, "urn:", 0, 4)) {
        dotted.add(field);
      }
    });
    for (Map.Entry<String, JsonNode> field : dotted) {
      value.remove(field.getKey());
      String[] segments = field.getKey().split("\\.", 2);
      JsonNode parent = value.get(segments[0]);
      ObjectNode container = parent instanceof ObjectNode existing ? existing : value.putObject(segments[0]);
      container.set(segments[1], field.getValue());
    }
  }
}
