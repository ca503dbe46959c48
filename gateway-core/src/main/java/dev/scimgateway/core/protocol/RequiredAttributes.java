package dev.scimgateway.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;

/** The attributes RFC 7643 marks required for a resource type, checked on create and replace. */
public final class RequiredAttributes {

  private RequiredAttributes() {}

  /** Returns {@code body}, or fails with 400 {@code invalidValue} naming the missing attribute. */
  public static ObjectNode check(ResourceType type, ObjectNode body) {
    String required = type.equals(ResourceType.USER) ? "userName" : type.equals(ResourceType.GROUP) ? "displayName" : null;
    if (required != null) {
      JsonNode value = JsonPaths.fieldIgnoringCase(body, required);
      if ( !value.isTextual() || value.asText().isBlank()) {
        throw ScimFailure.badRequest(ScimErrorType.INVALID_VALUE,
            "The attribute '" + required + "' is required and must be a non-empty string.");
      }
    }
    return body;
  }
}
