package dev.scimgateway.adapter.api;

/**
 * A SCIM resource type (RFC 7643 §6) that an adapter may serve.
 *
 * @param name the resource type's name, e.g. {@code User}
 * @param endpoint the path segment below the tenant, e.g. {@code Users}
 * @param schema the core schema URN
 */
public record ResourceType(String name, String endpoint, String schema) {

  /** RFC 7643 §4.1 User. */
  public static final ResourceType USER =
      new ResourceType("User", "Users", "urn:ietf:params:scim:schemas:core:2.0:User");

  /** RFC 7643 §4.2 Group. */
  public static final ResourceType GROUP =
      new ResourceType("Group", "Groups", "urn:ietf:params:scim:schemas:core:2.0:Group");
}
