package dev.scimgateway.adapter.api;

import java.util.List;
import java.util.Optional;

/**
 * A filter the gateway pushes down to a provider: one comparison, or an {@code and} of several, each
 * on an attribute and operator the provider declared in {@link ResourceCapabilities#filters()}.
 *
 * @param terms the comparisons, all of which must match; at least one
 */
public record ListFilter(List<Comparison> terms) {

  public ListFilter {
    terms = List.copyOf(terms);
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a filter has at least one term");
    }
  }

  /** {@code attribute eq value}. */
  public static ListFilter equality(String attribute, String value, boolean caseExact) {
    return new ListFilter(List.of(new Comparison(attribute, FilterOperator.EQ, value, caseExact)));
  }

  /** The single term of a filter that has one, e.g. {@code userName eq "…"}. */
  public Optional<Comparison> single() {
    return terms.size() == 1 ? Optional.of(terms.get(0)) : Optional.empty();
  }

  /**
   * {@code attribute operator value}.
   *
   * @param attribute the attribute path as the provider declared it, e.g. {@code userName}
   * @param operator the operator
   * @param value the compared value as text ({@code true} for a boolean), or {@code null} for {@code pr}
   * @param caseExact whether the schema declares the attribute case-exact; when {@code false}, the IdP
   *     expects {@code "Jane@X.io"} to find {@code "jane@x.io"} (RFC 7643 §2.2)
   */
  public record Comparison(String attribute, FilterOperator operator, String value, boolean caseExact) {}
}
