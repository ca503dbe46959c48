package dev.scimgateway.adapter.api;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a {@link ResourceProvider} supports.
 *
 * @param attributes the attribute paths the upstream stores, e.g. {@code userName},
 *     {@code name.givenName}, {@code members}, an extension's
 *     {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department} (see {@link AttributePaths});
 *     the gateway drops every other attribute before calling the provider and accepts it from the IdP without
 *     forwarding it
 * @param filters the attribute and operator pairs the provider evaluates (pushed down in
 *     {@link ListQuery#filter()}); {@code id eq} is answered by the gateway with {@link ResourceProvider#get}
 * @param conjunctions whether the provider evaluates an {@code and} of such terms
 * @param operations the operations the provider implements
 * @param deleteDeactivates whether {@link ResourceProvider#delete} deactivates rather than removes,
 *     so a later read still finds the resource
 * @param derivedAttributes attributes the provider returns but derives from stored ones (Postman: a user's
 *     {@code emails} from its userName); published in {@code /Schemas}, never forwarded upstream
 */
public record ResourceCapabilities(
    Set<String> attributes,
    Set<Filterable> filters,
    boolean conjunctions,
    Set<Operation> operations,
    boolean deleteDeactivates,
    Set<String> derivedAttributes) {

  /** The operations of {@link ResourceProvider}. */
  public enum Operation { CREATE, GET, LIST, REPLACE, MODIFY, DELETE }

  /** An attribute the provider filters on with an operator, e.g. {@code userName eq}. */
  public record Filterable(String attribute, FilterOperator operator) {

    @Override
    public String toString() {
      return attribute + " " + operator.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ResourceCapabilities {
    attributes = Set.copyOf(attributes);
    filters = Set.copyOf(filters);
    operations = Set.copyOf(operations);
    derivedAttributes = Set.copyOf(derivedAttributes);
  }

  /** Capabilities with no derived attributes. */
  public ResourceCapabilities(Set<String> attributes, Set<Filterable> filters, boolean conjunctions,
      Set<Operation> operations, boolean deleteDeactivates) {
    this(attributes, filters, conjunctions, operations, deleteDeactivates, Set.of());
  }

  /** Whether the provider returns the attribute at {@code path}, stored or derived (case-insensitive). */
  public boolean returnsAttribute(String path) {
    return supportsAttribute(path) || derivedAttributes.stream().anyMatch(path::equalsIgnoreCase);
  }

  /** {@code eq} on each of {@code attributes}, e.g. {@code equalityOn("userName", "externalId")}. */
  public static Set<Filterable> equalityOn(String... attributes) {
    return Arrays.stream(attributes).map(name -> new Filterable(name, FilterOperator.EQ)).collect(Collectors.toSet());
  }

  /** Whether the upstream stores the attribute at {@code path} (case-insensitive, RFC 7643 §2.1). */
  public boolean supportsAttribute(String path) {
    return attributes.stream().anyMatch(path::equalsIgnoreCase);
  }

  /** The declared spelling of {@code attribute} if the provider evaluates {@code attribute operator}. */
  public java.util.Optional<String> filterable(String attribute, FilterOperator operator) {
    return filters.stream()
        .filter(filter -> filter.operator() == operator && filter.attribute().equalsIgnoreCase(attribute))
        .map(Filterable::attribute)
        .findFirst();
  }

  public boolean supports(Operation operation) {
    return operations.contains(operation);
  }
}
