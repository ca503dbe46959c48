package dev.scimgateway.postman.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimException;
import dev.scimgateway.postman.PostmanSettings;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Turns what Postman answered into the error the IdP should see.
 *
 * <p>Postman gives one status several meanings (a 400 may mean the team is gone, the body is invalid,
 * the username cannot change…), so the rules match on the detail text first and on the status last.
 * Postman's own words are kept, prefixed with "Postman: " so the IdP's admin sees where they came
 * from. Upstream credential problems are never passed on as 401 or 403: the IdP's own token is fine.
 */
final class PostmanErrorTranslator {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One row of the table: a status (0 for any) and a fragment of Postman's detail (null for any). */
  private record Rule(int upstreamStatus, String detailFragment, int status, ScimErrorType scimType, String advice) {

    boolean matches(int upstream, String detail) {
      return (upstreamStatus == 0 || upstreamStatus == upstream)
          && (detailFragment == null || detail.toLowerCase(Locale.ROOT).contains(detailFragment));
    }
  }

  private static final List<Rule> RULES = List.of(
      new Rule(401, null, 502, null,
          "Postman rejected this tenant's SCIM API key; set a valid key in the gateway's configuration."),
      new Rule(403, "no longer on your team", 502, null,
          "The tenant's SCIM API key belongs to an admin who left the Postman team; generate a new key."),
      new Rule(0, "isn't a member of the team", 404, null, null),
      new Rule(0, "username", 400, ScimErrorType.MUTABILITY, "Postman does not allow this change of userName."),
      new Rule(400, "filter", 400, ScimErrorType.INVALID_FILTER, null),
      new Rule(400, "incomplete or have unsupported characters", 400, ScimErrorType.INVALID_SYNTAX,
          "Postman requires userName as a valid email address and a non-empty name.givenName and name.familyName."),
      new Rule(400, "operation that postman doesn't support", 502, null,
          "The gateway sent Postman an operation it does not accept; please report this."),
      new Rule(409, null, 409, ScimErrorType.UNIQUENESS, null),
      new Rule(404, null, 404, null, null));

  private final String tenant;

  PostmanErrorTranslator(String tenant) {
    this.tenant = tenant;
  }

  ScimException translate(UpstreamCall call, int status, String body) {
    String detail = detailOf(body);
    String normalized = detail == null ? "" : detail.replace('\u2019', '\'');
    if (status == 429) {
      return ScimException.tooManyRequests("Postman: " + (detail == null ? "rate limit reached" : detail), 60);
    }
    for (Rule rule : RULES) {
      if (rule.matches(status, normalized)) {
        return new ScimException(rule.status(), rule.scimType(), text(detail, status, rule.advice()));
      }
    }
    if (status >= 500 || status < 400) {
      return ScimException.badGateway("Postman failed on " + call.method() + " " + pathTemplate(call) + " with HTTP "
          + status + (detail == null ? "" : ": " + detail));
    }
    return new ScimException(status, null, text(detail, status, null));
  }

  ScimException connectionFailure(UpstreamCall call, Throwable failure, PostmanSettings settings) {
    if (failure instanceof TimeoutException) {
      return ScimException.badGateway("Postman did not answer " + call.method() + " " + pathTemplate(call)
          + " within " + settings.requestTimeout().toMillis() + " ms (tenant " + tenant + ").");
    }
    return ScimException.badGateway("Could not reach Postman at " + settings.baseUrl().getHost() + " for tenant "
        + tenant + " (" + failure.getClass().getSimpleName() + ").");
  }

  private static String text(String detail, int status, String advice) {
    String base = "Postman: " + (detail == null ? "HTTP " + status + " without a SCIM error body" : detail);
    return advice == null ? base : base + " " + advice;
  }

  /** The detail of a SCIM error, the message of Postman's generic error, or null for anything else. */
  private static String detailOf(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode json = JSON.readTree(body);
      if (json.path("detail").isTextual()) {
        return json.get("detail").asText();
      }
      if (json.path("error").path("message").isTextual()) {
        return json.path("error").path("message").asText();
      }
      return null;
    } catch (IOException notJson) {
      return null;
    }
  }

  private static String pathTemplate(UpstreamCall call) {
    return call.path().startsWith("/Users/") ? "/Users/{id}" : call.path();
  }
}
