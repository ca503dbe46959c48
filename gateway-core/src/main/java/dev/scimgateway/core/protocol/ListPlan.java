package dev.scimgateway.core.protocol;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ListQuery.EqualityFilter;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import java.util.Optional;

/** How the gateway answers a list request with what the provider can do. */
public sealed interface ListPlan {

  /** Ask the provider for a page, with the filter pushed down. */
  record PushDown(ListQuery query) implements ListPlan {}

  /** {@code id eq "…"}: read that one resource instead of listing. */
  record ById(String id, ListRequest request) implements ListPlan {}

  /**
   * Plans a request, or fails with 400 {@code invalidFilter} naming the filters that are supported
   * when the filter could only be answered by reading every resource upstream.
   */
  static ListPlan of(ListRequest request, ResourceCapabilities capabilities) {
    if (request.filter().isEmpty()) {
      return new PushDown(new ListQuery(Optional.empty(), request.startIndex(), request.count()));
    }
    Filter filter = request.filter().get();
    Optional<String> attribute = simpleAttribute(filter);
    if (filter.getFilterType() == FilterType.EQUAL && attribute.isPresent() && filter.getComparisonValue() != null
        && !filter.getComparisonValue().isNull()) {
      String value = filter.getComparisonValue().asText();
      if (attribute.get().equalsIgnoreCase("id")) {
        return new ById(value, request);
      }
      Optional<String> declared = capabilities.equalityFilterAttributes().stream()
          .filter(attribute.get()::equalsIgnoreCase)
          .findFirst();
      if (declared.isPresent()) {
        EqualityFilter pushed = new EqualityFilter(declared.get(), value);
        return new PushDown(new ListQuery(Optional.of(pushed), request.startIndex(), request.count()));
      }
    }
    throw ScimFailure.badRequest(ScimErrorType.INVALID_FILTER, "The filter '" + filter
        + "' is not supported here. Supported: " + supported(capabilities) + ".");
  }

  private static Optional<String> simpleAttribute(Filter filter) {
    if (!filter.isComparisonFilter()) {
      return Optional.empty();
    }
    Path path = filter.getAttributePath();
    if (path == null || path.size() != 1 || path.getElement(0).getValueFilter() != null) {
      return Optional.empty();
    }
    String urn = path.getSchemaUrn();
    if (urn != null && !CoreSchema.isCoreUrn(urn)) {
      return Optional.empty();
    }
    return Optional.of(path.getElement(0).getAttribute());
  }

  private static String supported(ResourceCapabilities capabilities) {
    StringBuilder text = new StringBuilder("id eq \"…\"");
    capabilities.equalityFilterAttributes().stream().sorted()
        .forEach(attribute -> text.append(", ").append(attribute).append(" eq \"…\""));
    return text.toString();
  }
}
