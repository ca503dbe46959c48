package dev.scimgateway.core.config;

import dev.scimgateway.adapter.api.ConfigSection;

/**
 * One tenant: an IdP connection served at {@code /scim/v2/{name}/…}.
 *
 * @param name the path segment
 * @param token the bearer token the IdP presents; never logged
 * @param adapter the adapter's name, e.g. {@code postman}
 * @param adapterSettings the tenant's section named after the adapter
 */
public record TenantConfig(String name, String token, String adapter, ConfigSection adapterSettings) {

  @Override
  public String toString() {
    return "TenantConfig[name=" + name + ", adapter=" + adapter + "]";
  }
}
