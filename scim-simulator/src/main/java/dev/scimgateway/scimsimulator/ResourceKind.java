package dev.scimgateway.scimsimulator;

import java.util.List;
import java.util.Optional;

/**
 * A resource type the simulator serves: the one table of its names, schemas and unique attributes.
 *
 * @param name e.g. {@code User}
 * @param endpoint e.g. {@code Users}
 * @param schema the core schema URN
 * @param uniqueAttribute the attribute that is required and unique ignoring case
 * @param extensions the URNs of the schema extensions it takes
 */
record ResourceKind(String name, String endpoint, String schema, String uniqueAttribute, List<String> extensions) {

  static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  static final ResourceKind USER = new ResourceKind("User", "Users", "urn:ietf:params:scim:schemas:core:2.0:User",
      "userName", List.of(ENTERPRISE_USER));
  static final ResourceKind GROUP = new ResourceKind("Group", "Groups", "urn:ietf:params:scim:schemas:core:2.0:Group",
      "displayName", List.of());

  /** The extension a top-level field of a resource holds, in the kind's spelling, if it names one (any case). */
  Optional<String> extension(String field) {
    return extensions.stream().filter(field::equalsIgnoreCase).findFirst();
  }
}
