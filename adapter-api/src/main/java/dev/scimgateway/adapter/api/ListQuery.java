package dev.scimgateway.adapter.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list request, as the gateway pushes it down.
 *
 * @param filter a filter on attributes and operators the provider declared, or empty for all resources
 * @param startIndex 1-based index of the first result (RFC 7644 §3.4.2.4)
 * @param count the largest number of resources to return; 0 asks only for the total
 * @param selection the attributes the IdP will be shown
 */
public record ListQuery(Optional<ListFilter> filter, int startIndex, int count, AttributeSelection selection) {

  public ListQuery {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(selection, "selection");
    if (startIndex < 1) {
      throw new IllegalArgumentException("startIndex is 1-based, got " + startIndex);
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, got " + count);
    }
  }

  /** A query for the default attributes. */
  public ListQuery(Optional<ListFilter> filter, int startIndex, int count) {
    this(filter, startIndex, count, AttributeSelection.DEFAULT);
  }
}
