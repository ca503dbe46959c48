package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** Entra ID sends {@code "op":"Replace"}, {@code "Add"}, {@code "Remove"}; RFC 7644 spells them lower case. */
final class CapitalisedPatchOps implements NormalizationRule {

  @Override
  public String name() {
    return "capitalised-patch-ops";
  }

  @Override
  public void apply(ObjectNode body) {
    for (JsonNode operation : body.path("Operations")) {
      if (operation instanceof ObjectNode op && op.path("op").isTextual()) {
        op.put("op", op.get("op").asText().toLowerCase(Locale.ROOT));
      }
    }
  }
}
