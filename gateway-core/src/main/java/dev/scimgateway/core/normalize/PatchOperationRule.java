package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.resource.ResourceDefinition;

/** A rule that rewrites each operation of a PATCH body; other bodies have none and are left alone. */
abstract class PatchOperationRule implements NormalizationRule {

  @Override
  public final void apply(ResourceDefinition type, ObjectNode body) {
    for (JsonNode operation : body.path("Operations")) {
      if (operation instanceof ObjectNode op) {
        rewrite(type, op);
      }
    }
  }

  /** Rewrites one operation in place. */
  abstract void rewrite(ResourceDefinition type, ObjectNode operation);
}
