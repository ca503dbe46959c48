package dev.scimgateway.core.protocol;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import dev.scimgateway.adapter.api.AttributeSelection;
import dev.scimgateway.adapter.api.FilterOperator;
import dev.scimgateway.adapter.api.ListFilter;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.resource.AttributeDefinition;
import dev.scimgateway.core.resource.ResourceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How the gateway answers a list request with what the provider can do. */
public sealed interface ListPlan {

  /** Ask the provider for a page, with the filter pushed down. */
  record PushDown(ListQuery query) implements ListPlan {}

  /** {@code id eq "…"}: read that one resource instead of listing. */
  record ById(String id, ListRequest request, AttributeSelection selection) implements ListPlan {}

  /**
   * Plans a request, or fails with 400 {@code invalidFilter} naming the filters that are supported
   * when the filter could only be answered by reading every resource upstream.
   */
  static ListPlan of(ListRequest request, AttributeSelection selection, ResourceCapabilities capabilities,
      ResourceDefinition type) {
    if (request.filter().isEmpty()) {
      return new PushDown(new ListQuery(Optional.empty(), request.startIndex(), request.count(), selection));
    }
    Filter filter = request.filter().get();
    Optional<ListFilter.Comparison> single = comparison(filter, capabilities, type);
    if (single.isPresent() && single.get().attribute().equalsIgnoreCase("id") && single.get().operator() == FilterOperator.EQ) {
      return new ById(single.get().value(), request, selection);
    }
    Optional<ListFilter> pushed = single.filter(term -> !term.attribute().equalsIgnoreCase("id"))
        .map(term -> new ListFilter(List.of(term)))
        .or(() -> conjunction(filter, capabilities, type));
    if (pushed.isPresent()) {
      return new PushDown(new ListQuery(pushed, request.startIndex(), request.count(), selection));
    }
    throw ScimFailure.badRequest(ScimErrorType.INVALID_FILTER, "The filter '" + filter
        + "' is not supported here. Supported: " + supported(capabilities) + ".");
  }

  private static Optional<ListFilter> conjunction(Filter filter, ResourceCapabilities capabilities, ResourceDefinition type) {
    if (filter.getFilterType() != FilterType.AND || !capabilities.conjunctions()) {
      return Optional.empty();
    }
    List<ListFilter.Comparison> terms = new ArrayList<>();
    for (Filter part : filter.getCombinedFilters()) {
      Optional<ListFilter.Comparison> term = comparison(part, capabilities, type)
          .filter(comparison -> !comparison.attribute().equalsIgnoreCase("id"));
      if (term.isEmpty()) {
        return Optional.empty();
      }
      terms.add(term.get());
    }
    return Optional.of(new ListFilter(terms));
  }

  /** {@code filter} as a comparison the provider evaluates, or {@code id eq}, which the gateway does. */
  private static Optional<ListFilter.Comparison> comparison(Filter filter, ResourceCapabilities capabilities,
      ResourceDefinition type) {
    Optional<FilterOperator> operator = operator(filter.getFilterType());
    Optional<String> attribute = simpleAttribute(filter);
    if (operator.isEmpty() || attribute.isEmpty()) {
      return Optional.empty();
    }
    boolean presence = operator.get() == FilterOperator.PR;
    if (!presence && (filter.getComparisonValue() == null || filter.getComparisonValue().isNull())) {
      return Optional.empty();
    }
    String value = presence ? null : filter.getComparisonValue().asText();
    boolean caseExact = type.attribute(attribute.get()).map(AttributeDefinition::caseExact).orElse(false);
    if (attribute.get().equalsIgnoreCase("id")) {
      return Optional.of(new ListFilter.Comparison("id", operator.get(), value, true));
    }
    return capabilities.filterable(attribute.get(), operator.get())
        .map(declared -> new ListFilter.Comparison(declared, operator.get(), value, caseExact));
  }

  private static Optional<FilterOperator> operator(FilterType type) {
    return switch (type) {
      case EQUAL -> Optional.of(FilterOperator.EQ);
      case NOT_EQUAL -> Optional.of(FilterOperator.NE);
      case CONTAINS -> Optional.of(FilterOperator.CO);
      case STARTS_WITH -> Optional.of(FilterOperator.SW);
      case ENDS_WITH -> Optional.of(FilterOperator.EW);
      case GREATER_THAN -> Optional.of(FilterOperator.GT);
      case GREATER_OR_EQUAL -> Optional.of(FilterOperator.GE);
      case LESS_THAN -> Optional.of(FilterOperator.LT);
      case LESS_OR_EQUAL -> Optional.of(FilterOperator.LE);
      case PRESENT -> Optional.of(FilterOperator.PR);
      default -> Optional.empty();
    };
  }

  private static Optional<String> simpleAttribute(Filter filter) {
    Path path = filter.getAttributePath();
    if (path == null || path.size() != 1 || path.getElement(0).getValueFilter() != null) {
      return Optional.empty();
    }
    String urn = path.getSchemaUrn();
    String name = path.getElement(0).getAttribute();
    // An extension's attribute keeps its URN, as providers declare it: urn:…:enterprise:2.0:User:employeeNumber.
    return Optional.of(urn == null || CoreSchema.isCoreUrn(urn) ? name : urn + ":" + name);
  }

  private static String supported(ResourceCapabilities capabilities) {
    StringBuilder text = new StringBuilder("id eq \"…\"");
    capabilities.filters().stream().map(ResourceCapabilities.Filterable::toString).sorted()
        .forEach(filterable -> text.append(", ").append(filterable).append(filterable.endsWith(" pr") ? "" : " \"…\""));
    if (capabilities.conjunctions()) {
      text.append(", and 'and' of these");
    }
    return text.toString();
  }
}
