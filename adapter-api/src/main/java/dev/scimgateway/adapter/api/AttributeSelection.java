package dev.scimgateway.adapter.api;

import java.util.Set;

/**
 * The {@code attributes} and {@code excludedAttributes} an IdP asked for (RFC 7644 §3.9), so that a
 * provider can leave out what will not be returned, e.g. a group's {@code members}. The gateway
 * applies the projection to whatever the provider returns; this only lets it save work.
 *
 * @param attributes the attributes asked for (top-level names, lower case), or empty for the default set
 * @param excluded the attributes to leave out (top-level names, lower case)
 */
public record AttributeSelection(Set<String> attributes, Set<String> excluded) {

  /** The default set of attributes. */
  public static final AttributeSelection DEFAULT = new AttributeSelection(Set.of(), Set.of());

  public AttributeSelection {
    attributes = Set.copyOf(attributes);
    excluded = Set.copyOf(excluded);
  }

  /** Whether the top-level attribute {@code name} (any case) will be returned to the IdP. */
  public boolean includes(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (!attributes.isEmpty()) {
      return attributes.contains(lower);
    }
    return !excluded.contains(lower);
  }
}
