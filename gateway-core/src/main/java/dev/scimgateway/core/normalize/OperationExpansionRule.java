package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.resource.ResourceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule that replaces some operations of a PATCH body, each by the operations that say the same in plain
 * RFC 7644, in place; other bodies have none and are left alone.
 */
abstract class OperationExpansionRule implements NormalizationRule {

  @Override
  public final void apply(ResourceDefinition type, ObjectNode body) {
    if (!(body.get("Operations") instanceof ArrayNode operations)) {
      return;
    }
    List<JsonNode> rewritten = new ArrayList<>();
    boolean changed = false;
    for (JsonNode operation : operations) {
      Optional<List<ObjectNode>> replacements = replacements(type, operation);
      changed |= replacements.isPresent();
      replacements.ifPresentOrElse(rewritten::addAll, () -> rewritten.add(operation));
    }
    if (changed) {
      operations.removeAll();
      operations.addAll(rewritten);
    }
  }

  /** The operations that replace {@code operation}, or empty to keep it. */
  abstract Optional<List<ObjectNode>> replacements(ResourceDefinition type, JsonNode operation);
}
