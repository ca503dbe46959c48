package dev.scimgateway.core.config;

import dev.scimgateway.adapter.api.ClusterSettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole, validated configuration of a gateway.
 *
 * @param cluster how replicas share state through Redis; empty for a gateway on its own
 */
public record GatewayConfig(ServerConfig server, RequestLimits limits, OperationsConfig operations,
    List<TenantConfig> tenants, Optional<ClusterSettings> cluster) {

  public GatewayConfig {
    tenants = List.copyOf(tenants);
    Objects.requireNonNull(cluster, "cluster");
  }

  /** A gateway that runs alone. */
  public GatewayConfig(ServerConfig server, RequestLimits limits, OperationsConfig operations, List<TenantConfig> tenants) {
    this(server, limits, operations, tenants, Optional.empty());
  }
}
