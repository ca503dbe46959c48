package dev.scimgateway.core.memory;

import dev.scimgateway.adapter.api.AdapterContext;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.api.ScimAdapterFactory;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The {@code memory} adapter of gateway-core's tests: Users in a map, every call recorded. Only Users are
 * served. Its optional setting {@code operations: GET,LIST} limits the operations it declares.
 */
public final class MemoryAdapterFactory implements ScimAdapterFactory {

  private static final Map<String, MemoryUsers> BY_TENANT = new ConcurrentHashMap<>();

  /** The users provider of the last adapter created for {@code tenant}. */
  public static MemoryUsers users(String tenant) {
    MemoryUsers users = BY_TENANT.get(tenant);
    if (users == null) {
      throw new IllegalStateException("no memory adapter was created for tenant " + tenant);
    }
    return users;
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public ScimAdapter create(AdapterContext context) {
    var settings = context.settings().requireOnlyKeys(Set.of("operations"));
    Set<Operation> operations = settings.string("operations")
        .map(list -> Arrays.stream(list.split(","))
            .map(name -> Operation.valueOf(name.trim().toUpperCase(Locale.ROOT)))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Operation.class))))
        .orElse(EnumSet.allOf(Operation.class));
    MemoryUsers users = new MemoryUsers(operations);
    BY_TENANT.put(context.tenant(), users);
    return new ScimAdapter() {
      @Override
      public Optional<ResourceProvider> provider(ResourceType type) {
        return type.equals(ResourceType.USER) ? Optional.of(users) : Optional.empty();
      }
    };
  }
}
