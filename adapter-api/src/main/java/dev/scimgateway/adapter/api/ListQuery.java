package dev.scimgateway.adapter.api;

import java.util.Optional;

/**
 * One page of a list request, as the gateway pushes it down.
 *
 * @param filter an equality filter on an attribute the provider declared in
 *     {@link ResourceCapabilities#equalityFilterAttributes()}, or empty for all resources
 * @param startIndex 1-based index of the first result (RFC 7644 §3.4.2.4)
 * @param count the largest number of resources to return; 0 asks only for the total
 */
public record ListQuery(Optional<EqualityFilter> filter, int startIndex, int count) {

  public ListQuery {
    if (startIndex < 1) {
      throw new IllegalArgumentException("startIndex is 1-based, got " + startIndex);
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, got " + count);
    }
  }

  /**
   * {@code attribute eq value}.
   *
   * @param attribute the attribute path as declared by the provider, e.g. {@code userName}
   * @param value the compared value as text ({@code true} for a boolean)
   */
  public record EqualityFilter(String attribute, String value) {}
}
