package dev.scimgateway.simulator;

import io.vertx.core.json.JsonObject;

/**
 * One request the simulator received on its SCIM side (control endpoints are not recorded). The
 * {@code Authorization} header is never recorded.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path   the raw request path, e.g. {@code /scim/v2/Users/abc}
 * @param query  the raw query string without {@code ?}, or {@code null} when there was none
 * @param body   the raw request body, empty when there was none
 * @param status the status code answered, or {@code 0} when the connection was closed without a response
 */
public record RecordedRequest(String method, String path, String query, String body, int status) {

  /** The JSON form the control endpoint {@code GET /_simulator/requests} uses. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("method", method)
        .put("path", path)
        .put("query", query)
        .put("body", body)
        .put("status", status);
  }
}
