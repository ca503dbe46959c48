package dev.scimgateway.simulator;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a GET /Users or GET /Groups answer. {@code startIndex} is 1-based (below 1 or unparsable means 1);
 * {@code count} defaults to and is capped at {@value #MAX_RESULTS}, a negative one means 0, and 0 gives only
 * {@code totalResults}.
 */
final class ListResponse {

  /** {@code filter.maxResults} in ServiceProviderConfig, and the cap on {@code count}. */
  static final int MAX_RESULTS = 100;

  private static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

  private ListResponse() {
  }

  /** The page {@code params} ask for of {@code matches}, each resource as {@code toJson} makes it. */
  static <T> ScimResponse page(List<T> matches, MultiMap params, Function<T, JsonObject> toJson) {
    int startIndex = Math.max(1, intParam(params, "startIndex", 1));
    int count = Math.min(MAX_RESULTS, Math.max(0, intParam(params, "count", MAX_RESULTS)));
    JsonArray resources = new JsonArray();
    matches.stream().skip(startIndex - 1L).limit(count).map(toJson).forEach(resources::add);
    return ScimResponse.json(200, new JsonObject()
        .put("schemas", new JsonArray().add(LIST_SCHEMA))
        .put("totalResults", matches.size())
        .put("startIndex", startIndex)
        .put("itemsPerPage", resources.size())
        .put("Resources", resources));
  }

  private static int intParam(MultiMap params, String name, int fallback) {
    String value = params.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
