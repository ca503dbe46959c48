package dev.scimgateway.scim;

import dev.scimgateway.adapter.api.ResourceType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the adapter assumes of the RFC 7643 resource types when the upstream's discovery documents do not
 * say: the one table of their default stored attributes and of the attributes IdPs look them up by.
 */
final class KnownTypes {

  /**
   * @param type the resource type
   * @param attributes the attribute paths assumed stored when neither the configuration nor {@code /Schemas} says
   * @param lookUps the attributes IdPs find resources by ({@code eq}), declared as filters when the upstream
   *     filters; the first one present in a resource finds it again after a create whose outcome is unknown
   * @param extensions the URNs of the RFC 7643 schema extensions of the type
   */
  record Known(ResourceType type, Set<String> attributes, List<String> lookUps, List<String> extensions) {}

  static final List<Known> TABLE = List.of(
      new Known(ResourceType.USER,
          Set.of("userName", "name.givenName", "name.familyName", "displayName", "emails", "active", "externalId"),
          List.of("userName", "externalId"), List.of("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")),
      new Known(ResourceType.GROUP, Set.of("displayName", "members", "externalId"), List.of("displayName", "externalId"),
          List.of()));

  private KnownTypes() {}

  static Optional<Known> named(String name) {
    return TABLE.stream().filter(known -> known.type().name().equalsIgnoreCase(name)).findFirst();
  }

  static List<String> names() {
    return TABLE.stream().map(known -> known.type().name()).toList();
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
