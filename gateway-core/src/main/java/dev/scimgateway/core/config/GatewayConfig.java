package dev.scimgateway.core.config;

import java.util.List;

/** The whole, validated configuration of a gateway. */
public record GatewayConfig(ServerConfig server, RequestLimits limits, OperationsConfig operations,
    List<TenantConfig> tenants) {

  public GatewayConfig {
    tenants = List.copyOf(tenants);
  }
}
