package dev.scimgateway.core.config;

import dev.scimgateway.adapter.api.ConfigSection;
import java.util.Set;

/**
 * One tenant: an IdP connection served at {@code /scim/v2/{name}/…}.
 *
 * @param name the path segment
 * @param token the bearer token the IdP presents; never logged
 * @param adapter the adapter's name, e.g. {@code postman}
 * @param section the tenant's whole section
 */
public record TenantConfig(String name, String token, String adapter, ConfigSection section) {

  /** The tenant's section named after its adapter, e.g. {@code postman:}. */
  public ConfigSection adapterSettings() {
    return section.section(adapter);
  }

  /** Fails on keys other than {@code token}, {@code adapter} and the adapter's section. */
  public void requireOnlyKnownKeys() {
    section.requireOnlyKeys(Set.of("token", "adapter", adapter));
  }

  @Override
  public String toString() {
    return "TenantConfig[name=" + name + ", adapter=" + adapter + "]";
  }
}
