package dev.scimgateway.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.resource.AttributeDefinition;
import dev.scimgateway.core.resource.ResourceDefinition;

/** The attributes a resource type's schema marks {@code required}, checked on create, replace and PATCH. */
public final class RequiredAttributes {

  private RequiredAttributes() {}

  /** Returns {@code body}, or fails with 400 {@code invalidValue} naming the first missing attribute. */
  public static ObjectNode check(ResourceDefinition type, ObjectNode body) {
    for (AttributeDefinition required : type.requiredAttributes()) {
      JsonNode value = JsonPaths.fieldIgnoringCase(body, required.name());
      boolean missing = required.type().equals("string")
          ? !value.isTextual() || value.asText().isBlank()
          : value.isMissingNode() || value.isNull();
      if (missing) {
        throw ScimFailure.badRequest(ScimErrorType.INVALID_VALUE, "The attribute '" + required.name() + "' is required"
            + (required.type().equals("string") ? " and must be a non-empty string." : "."));
      }
    }
    return body;
  }
}
