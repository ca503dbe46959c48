package dev.scimgateway.core.tenant;

import dev.scimgateway.adapter.api.ScimAdapter;

/**
 * A configured tenant with its running adapter.
 *
 * @param name the tenant's path segment
 * @param adapterName the adapter's name, e.g. {@code postman}
 * @param token the tenant's bearer token, compared in constant time
 * @param adapter the tenant's adapter instance
 */
public record Tenant(String name, String adapterName, BearerToken token, ScimAdapter adapter) {

  @Override
  public String toString() {
    return "Tenant[" + name + ", adapter=" + adapterName + "]";
  }
}
