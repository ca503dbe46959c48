package dev.scimgateway.core.tenant;

import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.api.ScimFailure;

/**
 * A configured tenant with its running adapter.
 *
 * @param name the tenant's path segment
 * @param adapterName the adapter's name, e.g. {@code postman}
 * @param token the tenant's bearer token, compared in constant time
 * @param adapter the tenant's adapter instance
 */
public record Tenant(String name, String adapterName, BearerToken token, ScimAdapter adapter) {

  /** The provider of a resource type, or a 404 when the adapter does not serve it. */
  public ResourceProvider provider(ResourceType type) {
    return adapter.provider(type).orElseThrow(() -> ScimFailure.notFound(
        "Tenant '" + name + "' does not serve " + type.endpoint() + " (its adapter is " + adapterName + ")"));
  }

  @Override
  public String toString() {
    return "Tenant[" + name + ", adapter=" + adapterName + "]";
  }
}
