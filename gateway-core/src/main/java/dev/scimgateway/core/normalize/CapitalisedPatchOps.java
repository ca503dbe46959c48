package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.resource.ResourceDefinition;
import java.util.Locale;

/** Entra ID sends {@code "op":"Replace"}, {@code "Add"}, {@code "Remove"}; RFC 7644 spells them lower case. */
final class CapitalisedPatchOps extends PatchOperationRule {

  @Override
  public String name() {
    return "capitalised-patch-ops";
  }

  @Override
  void rewrite(ResourceDefinition type, ObjectNode operation) {
    if (operation.path("op").isTextual()) {
      operation.put("op", operation.get("op").asText().toLowerCase(Locale.ROOT));
    }
  }
}
