package dev.scimgateway.adapter.support.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request to an upstream SCIM API, relative to the tenant's base URL.
 *
 * @param method the HTTP method
 * @param path the path below the base URL, e.g. {@code /Users/abc}; already encoded
 * @param query query parameters, encoded when sent
 * @param body the JSON body, or {@code null}
 */
public record UpstreamCall(HttpMethod method, String path, Map<String, String> query, JsonNode body) {

  /** A GET of {@code path} with {@code query}. */
  public static UpstreamCall get(String path, Map<String, String> query) {
    return new UpstreamCall(HttpMethod.GET, path, query, null);
  }

  /** A request with a JSON body and no query. */
  public static UpstreamCall send(HttpMethod method, String path, JsonNode body) {
    return new UpstreamCall(method, path, Map.of(), body);
  }

  /**
   * {@code value} as one segment of a {@link #path()}: percent-encoded as UTF-8, letters, digits and
   * {@code .-*_} left as they are (an id such as {@code 2819c223-7f76-453a} is its own encoding).
   */
  public static String pathSegment(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!isUnreserved(value.charAt(i))) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
      }
    }
    return value;
  }

  /** What {@link URLEncoder} leaves as it is. */
  private static boolean isUnreserved(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
        || c == '*';
  }

  /** Whether the request counts against the team's write budget: everything but GET and HEAD. */
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
