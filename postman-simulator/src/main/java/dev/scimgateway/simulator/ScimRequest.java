package dev.scimgateway.simulator;

import io.vertx.core.MultiMap;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A SCIM request as the API sees it once it passed faults, authentication and the budget.
 *
 * @param method      the HTTP method
 * @param path        the path after {@code /scim/v2}, e.g. {@code /Users/abc}
 * @param params      the decoded query parameters
 * @param contentType the {@code Content-Type} header, or null
 * @param body        the raw body, empty when there was none
 */
record ScimRequest(String method, String path, MultiMap params, String contentType, String body) {

  private static final Set<String> JSON_TYPES = Set.of("application/json", "application/scim+json");

  /**
   * The body as a JSON object, or empty when it is not one or was not sent as {@code application/json} or
   * {@code application/scim+json}: a server that parses JSON bodies by content type sees no body then.
   */
  Optional<JsonObject> jsonObject() {
    if (contentType == null) {
      return Optional.empty();
    }
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!JSON_TYPES.contains(mediaType) || body.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new JsonObject(body));
    } catch (DecodeException | ClassCastException e) {
      return Optional.empty();
    }
  }
}
