package dev.scimgateway.postman.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpMethod;
import java.util.Map;

/**
 * One request to Postman's SCIM API.
 *
 * @param method the HTTP method
 * @param path the path below the base URL, e.g. {@code /Users/abc}; already encoded
 * @param query query parameters, encoded when sent
 * @param body the JSON body, or {@code null}
 */
public record UpstreamCall(HttpMethod method, String path, Map<String, String> query, JsonNode body) {

  public static UpstreamCall get(String path, Map<String, String> query) {
    return new UpstreamCall(HttpMethod.GET, path, query, null);
  }

  public static UpstreamCall send(HttpMethod method, String path, JsonNode body) {
    return new UpstreamCall(method, path, Map.of(), body);
  }

  /** Whether Postman counts the request against its write budget: everything but GET and HEAD. */
  public boolean isWrite() {
    return !method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD);
  }

  /** Whether sending the request twice has the same effect as once: everything but POST. */
  public boolean isIdempotent() {
    return !method.equals(HttpMethod.POST);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
