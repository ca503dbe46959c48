package dev.scimgateway.core.config;

import dev.scimgateway.adapter.api.ConfigSection;
import java.util.List;
import java.util.Set;

/**
 * One tenant: an IdP connection served at {@code /scim/v2/{name}/…}.
 *
 * @param name the path segment
 * @param tokens the bearer tokens the IdP may present (several during a rotation); never logged
 * @param tokenSha256s the same, given as hex SHA-256 digests of the tokens
 * @param adapter the adapter's name, e.g. {@code postman}
 * @param section the tenant's whole section
 */
public record TenantConfig(String name, List<String> tokens, List<String> tokenSha256s, String adapter, ConfigSection section) {

  public TenantConfig {
    tokens = List.copyOf(tokens);
    tokenSha256s = List.copyOf(tokenSha256s);
  }

  /** The tenant's section named after its adapter, e.g. {@code postman:}. */
  public ConfigSection adapterSettings() {
    return section.section(adapter);
  }

  /** Fails on keys other than the token keys, {@code adapter} and the adapter's section. */
  public void requireOnlyKnownKeys() {
    section.requireOnlyKeys(Set.of("token", "tokens", "tokenSha256", "adapter", adapter));
  }

  @Override
  public String toString() {
    return "TenantConfig[name=" + name + ", adapter=" + adapter + "]";
  }
}
