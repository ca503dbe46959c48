package dev.scimgateway.scimsimulator;

import java.util.Map;

/**
 * An answer the simulator gives instead of serving the next SCIM request, to play an upstream that fails:
 * e.g. an HTML 500 page, a 401, a 429 with {@code Retry-After}.
 *
 * @param status the status
 * @param contentType the {@code Content-Type}, e.g. {@code text/html}
 * @param body the body
 * @param headers more headers, e.g. {@code Retry-After}
 */
public record CannedAnswer(int status, String contentType, String body, Map<String, String> headers) {

  public CannedAnswer {
    headers = Map.copyOf(headers);
  }

  /** A SCIM error with this status, scimType (or null) and detail. */
  public static CannedAnswer scimError(int status, String scimType, String detail) {
    return new CannedAnswer(status, ScimJson.CONTENT_TYPE, ScimJson.error(status, scimType, detail).toString(), Map.of());
  }
}
