package dev.scimgateway.scimsimulator;

/**
 * A resource type the simulator serves: the one table of its names, schemas and unique attributes.
 *
 * @param name e.g. {@code User}
 * @param endpoint e.g. {@code Users}
 * @param schema the core schema URN
 * @param uniqueAttribute the attribute that is required and unique ignoring case
 */
record ResourceKind(String name, String endpoint, String schema, String uniqueAttribute) {

  static final ResourceKind USER =
      new ResourceKind("User", "Users", "urn:ietf:params:scim:schemas:core:2.0:User", "userName");
  static final ResourceKind GROUP =
      new ResourceKind("Group", "Groups", "urn:ietf:params:scim:schemas:core:2.0:Group", "displayName");
}
