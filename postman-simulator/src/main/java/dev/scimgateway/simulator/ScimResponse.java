package dev.scimgateway.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What the simulator answers, before it is written (or dropped).
 *
 * @param contentType null for none
 * @param body        never null; empty for none
 */
record ScimResponse(int status, String contentType, String body) {

  static final String JSON = "application/json";

  static ScimResponse json(int status, JsonObject body) {
    return new ScimResponse(status, JSON, body.encode());
  }

  static ScimResponse json(int status, JsonArray body) {
    return new ScimResponse(status, JSON, body.encode());
  }

  static ScimResponse error(PostmanError error) {
    return json(error.status(), error.body());
  }

  /** DELETE /Groups/{id}'s answer: no body, no content type. */
  static ScimResponse noContent() {
    return new ScimResponse(204, null, "");
  }

  /** Postman's non-SCIM answer to any route it does not have (digest §1.1, "Unknown route"). */
  static ScimResponse notFound() {
    return json(404, new JsonObject()
        .put("error", new JsonObject()
            .put("name", "NotFound")
            .put("message", "We can't seem to find what you are looking for."))
        .put("status", "error"));
  }

  /** Postman's generic (non-SCIM) 401, which the official SDK maps for GET /ResourceTypes (digest §2). */
  static ScimResponse genericUnauthorized() {
    return json(401, new JsonObject()
        .put("error", new JsonObject()
            .put("name", "AuthenticationError")
            .put("message", "Invalid API Key. Every request requires a valid API Key to be sent.")));
  }
}
