package dev.scimgateway.core.tenant;

import dev.scimgateway.adapter.api.AdapterContext;
import dev.scimgateway.adapter.api.ClusterSettings;
import dev.scimgateway.adapter.api.InvalidConfigException;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.config.TenantConfig;
import dev.scimgateway.core.observability.Observability;
import dev.scimgateway.core.operation.ConfinedAdapter;
import dev.scimgateway.core.operation.HomeContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The tenants of a running gateway, by name, and the token check that guards them. Immutable once
 * created, so every event loop reads it without locks.
 */
public final class TenantDirectory {

  private final Map<String, Tenant> tenants;

  private TenantDirectory(Map<String, Tenant> tenants) {
    this.tenants = Collections.unmodifiableMap(tenants);
  }

  /**
   * Creates every tenant's adapter. Fails with an {@link InvalidConfigException} for an unknown adapter
   * or settings the adapter rejects; does no I/O.
   */
  public static TenantDirectory create(
      Vertx vertx, List<TenantConfig> configs, AdapterRegistry registry, Observability observability) {
    return create(vertx, configs, registry, observability, Optional.empty());
  }

  /** As {@link #create(Vertx, List, AdapterRegistry, Observability)}, for a replica of a cluster. */
  public static TenantDirectory create(Vertx vertx, List<TenantConfig> configs, AdapterRegistry registry,
      Observability observability, Optional<ClusterSettings> cluster) {
    Map<String, Tenant> tenants = new LinkedHashMap<>();
    for (TenantConfig config : configs) {
      var factory = registry.factory(config.adapter(), "tenants." + config.name() + ".adapter");
      config.requireOnlyKnownKeys();
      ScimAdapter adapter = factory.create(new AdapterContext(vertx, config.name(), config.adapterSettings(),
          observability.telemetryFor(config.name(), config.adapter()), cluster));
      tenants.put(config.name(), new Tenant(config.name(), config.adapter(), BearerToken.anyOf(config.tokens(), config.tokenSha256s()), adapter));
    }
    return new TenantDirectory(tenants);
  }

  /**
   * The same tenants with each adapter confined to one of {@code homes}, in turn in configuration order,
   * so that tenants spread over the event loops and each adapter is only ever called on its own.
   */
  public TenantDirectory confinedTo(List<HomeContext> homes) {
    if (homes.isEmpty()) {
      throw new IllegalArgumentException("no home context to confine the adapters to");
    }
    Map<String, Tenant> confined = new LinkedHashMap<>();
    int next = 0;
    for (Tenant tenant : tenants.values()) {
      HomeContext home = homes.get(next++ % homes.size());
      confined.put(tenant.name(), new Tenant(tenant.name(), tenant.adapterName(), tenant.token(),
          new ConfinedAdapter(tenant.adapter(), home)));
    }
    return new TenantDirectory(confined);
  }

  /** Starts every adapter; the gateway serves nothing before this completes. */
  public Future<Void> start() {
    return Future.all(tenants.values().stream().map(tenant -> tenant.adapter().start()).toList())
        .mapEmpty();
  }

  /** Closes every adapter, whether or not the others succeed. */
  public Future<Void> close() {
    return Future.join(tenants.values().stream().map(tenant -> tenant.adapter().close()).toList())
        .mapEmpty();
  }

  /**
   * Probes every tenant's upstream within {@code timeout}: each tenant's name with empty when it
   * answered, or what is wrong.
   */
  public Future<Map<String, Optional<String>>> probe(Vertx vertx, Duration timeout) {
    Map<String, Optional<String>> results = new ConcurrentSkipListMap<>();
    List<Future<Void>> probes = tenants.values().stream()
        .map(tenant -> tenant.adapter().probe()
            .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .transform(outcome -> {
              results.put(tenant.name(), outcome.succeeded() ? Optional.empty() : Optional.of(problem(outcome.cause(), timeout)));
              return Future.<Void>succeededFuture();
            }))
        .toList();
    return Future.all(probes).map(done -> results);
  }

  private static String problem(Throwable failure, Duration timeout) {
    if (failure instanceof ScimFailure scim) {
      return scim.detail();
    }
    if (failure instanceof TimeoutException) {
      return "the upstream did not answer within " + timeout.toMillis() + " ms";
    }
    return "the upstream check failed (" + failure.getClass().getSimpleName() + ")";
  }

  public Optional<Tenant> find(String name) {
    return Optional.ofNullable(tenants.get(name));
  }

  public Collection<Tenant> all() {
    return tenants.values();
  }

  /**
   * Whether {@code presented} is the token of some tenant. Compares against every tenant so that the
   * time taken does not depend on which one matches.
   */
  public boolean isTokenOfAnyTenant(BearerToken.Presented presented) {
    boolean found = false;
    for (Tenant tenant : tenants.values()) {
      found |= tenant.token().matches(presented);
    }
    return found;
  }
}
