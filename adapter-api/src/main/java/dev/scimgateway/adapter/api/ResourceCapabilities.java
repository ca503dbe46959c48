package dev.scimgateway.adapter.api;

import java.util.Set;

/**
 * What a {@link ResourceProvider} supports.
 *
 * @param attributes the attribute paths the upstream stores, e.g. {@code userName},
 *     {@code name.givenName}; the gateway drops every other attribute before calling the provider
 *     and accepts it from the IdP without forwarding it
 * @param equalityFilterAttributes the attributes the provider can filter on with {@code eq}
 *     (pushed down in {@link ListQuery#filter()})
 * @param operations the operations the provider implements
 * @param deleteDeactivates whether {@link ResourceProvider#delete} deactivates rather than removes,
 *     so a later read still finds the resource
 */
public record ResourceCapabilities(
    Set<String> attributes,
    Set<String> equalityFilterAttributes,
    Set<Operation> operations,
    boolean deleteDeactivates) {

  /** The operations of {@link ResourceProvider}. */
  public enum Operation { CREATE, GET, LIST, REPLACE, MODIFY, DELETE }

  public ResourceCapabilities {
    attributes = Set.copyOf(attributes);
    equalityFilterAttributes = Set.copyOf(equalityFilterAttributes);
    operations = Set.copyOf(operations);
  }

  /** Whether the upstream stores the attribute at {@code path} (case-insensitive, RFC 7643 §2.1). */
  public boolean supportsAttribute(String path) {
    return attributes.stream().anyMatch(path::equalsIgnoreCase);
  }

  /** Whether the provider can evaluate {@code attribute eq value}. */
  public boolean canFilterEqual(String attribute) {
    return equalityFilterAttributes.stream().anyMatch(attribute::equalsIgnoreCase);
  }

  public boolean supports(Operation operation) {
    return operations.contains(operation);
  }
}
