package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A rule that rewrites each operation of a PATCH body; other bodies have none and are left alone. */
abstract class PatchOperationRule implements NormalizationRule {

  @Override
  public final void apply(ObjectNode body) {
    for (JsonNode operation : body.path("Operations")) {
      if (operation instanceof ObjectNode op) {
        rewrite(op);
      }
    }
  }

  /** Rewrites one operation in place. */
  abstract void rewrite(ObjectNode operation);
}
