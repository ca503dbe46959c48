package dev.scimgateway.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.resource.AttributeDefinition;
import dev.scimgateway.core.resource.ResourceDefinition;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks that the values about to be sent upstream have the types their schema declares, so that
 * {@code "active":"yes"} is a 400 rather than a deactivation.
 */
public final class AttributeValues {

  private AttributeValues() {}

  /** Returns {@code resource}, or fails with 400 {@code invalidValue} naming the first wrong value. */
  public static ObjectNode checkTypes(ResourceDefinition type, ObjectNode resource) {
    check(type, resource, "");
    return resource;
  }

  /** Checks one value given for the attribute at {@code path}, e.g. a PATCH operation's. */
  public static void checkValue(ResourceDefinition type, String path, JsonNode value) {
    AttributeDefinition declared = type.attribute(path).orElse(null);
    if (declared == null || value == null || value.isNull()) {
      return;
    }
    if (declared.isComplex() && value.isObject()) {
      check(type, value, path + ".");
    } else if (declared.multiValued() && value.isArray()) {
      for (JsonNode element : value) {
        checkElement(type, path, declared, element);
      }
    } else if (!matches(declared.type(), value)) {
      throw wrongType(path, declared.type(), value);
    }
  }

  private static void checkElement(ResourceDefinition type, String path, AttributeDefinition declared, JsonNode element) {
    if (declared.isComplex() && element.isObject()) {
      check(type, element, path + ".");
    } else if (!element.isNull() && !matches(declared.type(), element)) {
      throw wrongType(path, declared.type(), element);
    }
  }

  private static void check(ResourceDefinition type, JsonNode node, String prefix) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (prefix.isEmpty() && type.extension(name).isPresent() && field.getValue().isObject()) {
        check(type, field.getValue(), name + ":");
      } else {
        checkValue(type, prefix + name, field.getValue());
      }
    }
  }

  private static ScimFailure wrongType(String path, String declared, JsonNode value) {
    return ScimFailure.badRequest(ScimErrorType.INVALID_VALUE, "The attribute '" + path + "' must be "
        + (declared.equals("boolean") ? "a boolean (true or false)" : "a " + declared) + ", got " + value + ".");
  }

  private static boolean matches(String declared, JsonNode value) {
    return switch (declared) {
      case "boolean" -> value.isBoolean();
      case "string", "reference", "dateTime", "binary" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "decimal" -> value.isNumber();
      case "complex" -> value.isObject() || value.isArray();
      default -> true;
    };
  }
}
