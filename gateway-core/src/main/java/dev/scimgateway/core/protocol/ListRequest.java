package dev.scimgateway.core.protocol;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import io.vertx.core.MultiMap;
import java.util.Optional;

/**
 * The query of a list request (RFC 7644 §3.4.2): a parsed filter and 1-based paging.
 *
 * @param filter the parsed filter, if any
 * @param startIndex 1-based; values below 1 are read as 1 (§3.4.2.4)
 * @param count the page size; negative values are read as 0, values above {@link #MAX_COUNT} as it
 */
public record ListRequest(Optional<Filter> filter, int startIndex, int count) {

  /** The largest page served; advertised as {@code filter.maxResults}. */
  public static final int MAX_COUNT = 100;

  public static ListRequest fromQuery(MultiMap query) {
    return fromQuery(query, InputBounds.defaults());
  }

  /** The request's query; a filter beyond {@code bounds} is a 400 {@code invalidFilter}. */
  public static ListRequest fromQuery(MultiMap query, InputBounds bounds) {
    String filter = query.get("filter");
    if (filter != null) {
      bounds.checkFilter(filter);
    }
    return new ListRequest(
        parseFilter(filter),
        Math.max(1, integer(query, "startIndex", 1)),
        Math.min(MAX_COUNT, Math.max(0, integer(query, "count", MAX_COUNT))));
  }

  private static Optional<Filter> parseFilter(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Filter.fromString(text));
    } catch (BadRequestException e) {
      throw ScimFailure.badRequest(ScimErrorType.INVALID_FILTER,
          "The filter '" + text + "' is not a valid SCIM filter: " + e.getMessage());
    }
  }

  private static int integer(MultiMap query, String name, int defaultValue) {
    String value = query.get(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ScimFailure.badRequest(ScimErrorType.INVALID_VALUE,
          "The query parameter '" + name + "' must be an integer, got '" + value + "'.");
    }
  }
}
