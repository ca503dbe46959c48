package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimgateway.core.protocol.CoreSchema;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Entra ID wraps scalars where RFC 7643 wants them plain ({@code "value":[{"value":"Janet"}]} for
 * {@code name.givenName}) and sends the enterprise {@code manager} as a bare id where RFC 7643 wants
 * {@code {"value":"<id>"}}. Rewrites both in PATCH operations whose {@code path} names the attribute.
 */
final class WrappedScalarValues extends PatchOperationRule {

  private static final Set<String> SINGLE_VALUED_SIMPLE = Set.of(
      "username", "externalid", "displayname", "nickname", "title", "usertype", "preferredlanguage", "locale",
      "timezone", "active", "profileurl", "name.givenname", "name.familyname", "name.formatted", "name.middlename",
      "name.honorificprefix", "name.honorificsuffix");
  private static final String MANAGER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:manager";

  @Override
  public String name() {
    return "wrapped-scalar-values";
  }

  @Override
  void rewrite(ObjectNode operation) {
    if (!operation.path("path").isTextual()) {
      return;
    }
    String path = operation.get("path").asText().trim().toLowerCase(Locale.ROOT);
    JsonNode value = operation.path("value");
    if (SINGLE_VALUED_SIMPLE.contains(CoreSchema.unqualified(path))) {
      unwrap(value).ifPresent(scalar -> operation.set("value", scalar));
    } else if (path.equals(MANAGER) && value.isTextual()) {
      operation.set("value", operation.objectNode().set("value", TextNode.valueOf(value.asText())));
    }
  }

  private static Optional<JsonNode> unwrap(JsonNode value) {
    JsonNode candidate = value;
    if (candidate.isArray() && candidate.size() == 1) {
      candidate = candidate.get(0);
    }
    if (candidate.isObject() && candidate.size() == 1 && candidate.has("value") && candidate.get("value").isValueNode()) {
      return Optional.of(candidate.get("value"));
    }
    return Optional.empty();
  }
}
