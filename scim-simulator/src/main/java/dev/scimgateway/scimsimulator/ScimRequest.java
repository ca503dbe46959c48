package dev.scimgateway.scimsimulator;

/**
 * One SCIM request the simulator answered; the {@code Authorization} header is never recorded.
 *
 * @param method e.g. {@code PATCH}
 * @param path the path below the base URL, e.g. {@code /Users/abc}
 * @param query the decoded query string, or empty
 * @param body the request body, or empty
 * @param status the status answered
 */
public record ScimRequest(String method, String path, String query, String body, int status) {

  /** {@code METHOD /Users/{id}}: the request with ids replaced, for asserting call sequences. */
  public String call() {
    return method + " " + path.replaceAll("^/(Users|Groups)/[^/]+$", "/$1/{id}");
  }
}
