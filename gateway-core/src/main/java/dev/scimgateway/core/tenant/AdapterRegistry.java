package dev.scimgateway.core.tenant;

import dev.scimgateway.adapter.api.InvalidConfigException;
import dev.scimgateway.adapter.api.ScimAdapterFactory;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The adapter plugins on the classpath, found with {@link ServiceLoader}, by name. */
public final class AdapterRegistry {

  private final Map<String, ScimAdapterFactory> factories;

  private AdapterRegistry(Map<String, ScimAdapterFactory> factories) {
    this.factories = factories;
  }

  /** Every {@link ScimAdapterFactory} visible to this class's class loader. */
  public static AdapterRegistry fromClasspath() {
    Map<String, ScimAdapterFactory> factories = new TreeMap<>();
    for (ScimAdapterFactory factory : ServiceLoader.load(ScimAdapterFactory.class, AdapterRegistry.class.getClassLoader())) {
      ScimAdapterFactory previous = factories.putIfAbsent(factory.name(), factory);
      if (previous != null) {
        throw new IllegalStateException("two adapters are named '" + factory.name() + "': "
            + previous.getClass().getName() + " and " + factory.getClass().getName());
      }
    }
    return new AdapterRegistry(factories);
  }

  /** The factory called {@code name}; {@code key} names the configuration key in the error. */
  public ScimAdapterFactory factory(String name, String key) {
    ScimAdapterFactory factory = factories.get(name);
    if (factory == null) {
      throw new InvalidConfigException(key + ": unknown adapter '" + name + "' (available: "
          + (factories.isEmpty() ? "none" : String.join(", ", factories.keySet())) + ")");
    }
    return factory;
  }
}
