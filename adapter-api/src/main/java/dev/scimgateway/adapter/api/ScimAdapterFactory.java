package dev.scimgateway.adapter.api;

/**
 * Entry point of an adapter plugin, found with {@link java.util.ServiceLoader}: list the implementing
 * class in {@code META-INF/services/dev.scimgateway.adapter.api.ScimAdapterFactory}.
 *
 * <p>A tenant's configuration names the adapter with {@code adapter: <name>} and keeps the adapter's
 * own settings in a section of the same name.
 */
public interface ScimAdapterFactory {

  /** The name tenants use to select this adapter, e.g. {@code postman}. Lower case, stable. */
  String name();

  /**
   * Creates the adapter instance of one tenant. Must not do I/O; that belongs in
   * {@link ScimAdapter#start()}. Called once per tenant at start-up, not on the tenant's home context
   * (see {@link ScimAdapter}, "Threading"): whatever the factory hands several tenants must be
   * thread-safe, since tenants run on several event loops.
   *
   * @throws InvalidConfigException when the tenant's settings are missing or invalid
   */
  ScimAdapter create(AdapterContext context);
}
