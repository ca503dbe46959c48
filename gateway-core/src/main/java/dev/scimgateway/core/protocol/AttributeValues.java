package dev.scimgateway.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks that the values about to be sent upstream have the types their schema declares, so that
 * {@code "active":"yes"} is a 400 rather than a deactivation.
 */
public final class AttributeValues {

  private AttributeValues() {}

  /** Returns {@code resource}, or fails with 400 {@code invalidValue} naming the first wrong value. */
  public static ObjectNode checkTypes(ResourceType type, ObjectNode resource) {
    check(type, resource, "");
    return resource;
  }

  private static void check(ResourceType type, JsonNode node, String prefix) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = prefix + field.getKey();
      JsonNode value = field.getValue();
      String declared = SchemaDefinitions.typeOf(type, path).orElse(null);
      if (declared == null || value.isNull()) {
        continue;
      }
      if (declared.equals("complex") && value.isObject()) {
        check(type, value, path + ".");
      } else if (!matches(declared, value)) {
        throw ScimFailure.badRequest(ScimErrorType.INVALID_VALUE, "The attribute '" + path + "' must be "
            + (declared.equals("boolean") ? "a boolean (true or false)" : "a " + declared) + ", got " + value + ".");
      }
    }
  }

  private static boolean matches(String declared, JsonNode value) {
    return switch (declared) {
      case "boolean" -> value.isBoolean();
      case "string", "reference", "dateTime", "binary" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "decimal" -> value.isNumber();
      default -> true;
    };
  }
}
