package dev.scimgateway.scimsimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.io.IOException;

/** The simulator's JSON: the SCIM SDK's mapper, its media type and RFC 7644 §3.12 error bodies. */
final class ScimJson {

  static final String CONTENT_TYPE = "application/scim+json";
  static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
  static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  static final ObjectMapper MAPPER = JsonUtils.createObjectMapper();

  private ScimJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The body as a JSON object, or a 400 invalidSyntax. */
  static ObjectNode parseObject(String body) {
    try {
      JsonNode node = MAPPER.readTree(body == null ? "" : body);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      // answered below
    }
    throw new ScimProblem(400, "invalidSyntax", "The request body is not a JSON object.");
  }

  static ObjectNode error(int status, String scimType, String detail) {
    ObjectNode error = object();
    error.putArray("schemas").add(ERROR_SCHEMA);
    error.put("status", String.valueOf(status));
    if (scimType != null) {
      error.put("scimType", scimType);
    }
    error.put("detail", detail);
    return error;
  }
}
