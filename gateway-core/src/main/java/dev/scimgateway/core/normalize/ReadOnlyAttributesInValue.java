package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.resource.ResourceDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Okta renames a group with {@code {"op":"replace","value":{"id":"<groupId>","displayName":"…"}}},
 * naming the read-only {@code id} in the value. Drops the attributes the schema declares
 * {@code readOnly} from a no-path add or replace value (RFC 7644 §3.5.2: the server assigns them), so
 * the operation is the rename alone.
 */
final class ReadOnlyAttributesInValue extends PatchOperationRule {

  @Override
  public String name() {
    return "read-only-attributes-in-value";
  }

  @Override
  void rewrite(ResourceDefinition type, ObjectNode operation) {
    if (operation.hasNonNull("path") || !(operation.get("value") instanceof ObjectNode value)) {
      return;
    }
    List<String> readOnly = new ArrayList<>();
    value.fieldNames().forEachRemaining(name -> type.attribute(name)
        .filter(attribute -> attribute.mutability().equals("readOnly"))
        .ifPresent(attribute -> readOnly.add(name)));
    value.remove(readOnly);
  }
}
