package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * A PATCH path may be qualified with the core schema's URN
 * ({@code urn:ietf:params:scim:schemas:core:2.0:User:active}, RFC 7644 §3.5.2); the attribute it names
 * is the plain core attribute ({@code active}).
 */
final class CoreSchemaPaths extends PatchOperationRule {

  private static final String CORE_PREFIX = "urn:ietf:params:scim:schemas:core:2.0:";

  @Override
  public String name() {
    return "core-schema-paths";
  }

  @Override
  void rewrite(ObjectNode operation) {
    if (!operation.path("path").isTextual()) {
      return;
    }
    String path = operation.get("path").asText().trim();
    if (path.toLowerCase(Locale.ROOT).startsWith(CORE_PREFIX)) {
      int attributeStart = path.indexOf(':', CORE_PREFIX.length()) + 1;
      if (attributeStart > 0 && attributeStart < path.length()) {
        operation.put("path", path.substring(attributeStart));
      }
    }
  }
}
