package dev.scimgateway.core.memory;

import dev.scimgateway.adapter.api.AdapterContext;
import dev.scimgateway.adapter.api.AdapterThreading;
import dev.scimgateway.adapter.api.ConfigSection;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.api.ScimAdapterFactory;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The {@code memory} adapter of gateway-core's tests: resources in maps, every call recorded. It serves
 * Users unless its setting {@code resourceTypes} names others, each with the attributes it stores and
 * the attributes it filters on with {@code eq} (comma-separated); {@code operations: GET,LIST} limits
 * the operations it declares; {@code anyLoop: true} has it called on every event loop
 * ({@link AdapterThreading#ANY_LOOP}).
 *
 * <pre>{@code
 * memory:
 *   resourceTypes:
 *     Device: {attributes: "serialNumber,model,owner.value", filters: "serialNumber"}
 * }</pre>
 */
public final class MemoryAdapterFactory implements ScimAdapterFactory {

  private static final Map<String, MemoryResources> BY_TENANT_AND_TYPE = new ConcurrentHashMap<>();
  private static final String USER_ATTRIBUTES = "userName,name.givenName,name.familyName,externalId,active";

  /** The users provider of the last adapter created for {@code tenant}. */
  public static MemoryResources users(String tenant) {
    return resources(tenant, "User");
  }

  /** The provider of {@code type} of the last adapter created for {@code tenant}. */
  public static MemoryResources resources(String tenant, String type) {
    MemoryResources resources = BY_TENANT_AND_TYPE.get(tenant + "/" + type.toLowerCase(Locale.ROOT));
    if (resources == null) {
      throw new IllegalStateException("no memory adapter serving " + type + " was created for tenant " + tenant);
    }
    return resources;
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public ScimAdapter create(AdapterContext context) {
    var settings = context.settings().requireOnlyKeys(Set.of("operations", "resourceTypes", "anyLoop"));
    AdapterThreading threading = settings.booleanOr("anyLoop", false) ? AdapterThreading.ANY_LOOP : AdapterThreading.HOME_LOOP;
    Set<Operation> operations = settings.string("operations")
        .map(list -> Arrays.stream(list.split(","))
            .map(name -> Operation.valueOf(name.trim().toUpperCase(Locale.ROOT)))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Operation.class))))
        .orElse(EnumSet.allOf(Operation.class));
    Map<String, MemoryResources> served = new LinkedHashMap<>();
    Map<String, ConfigSection> types = settings.section("resourceTypes").sections();
    if (types.isEmpty()) {
      served.put("user", new MemoryResources("User", capabilities(USER_ATTRIBUTES, "userName", operations)));
    }
    types.forEach((name, type) -> {
      type.requireOnlyKeys(Set.of("attributes", "filters"));
      served.put(name.toLowerCase(Locale.ROOT), new MemoryResources(name,
          capabilities(type.requiredString("attributes"), type.string("filters").orElse(""), operations)));
    });
    served.forEach((type, resources) -> BY_TENANT_AND_TYPE.put(context.tenant() + "/" + type, resources));
    return new ScimAdapter() {
      @Override
      public Optional<ResourceProvider> provider(ResourceType type) {
        return Optional.ofNullable(served.get(type.name().toLowerCase(Locale.ROOT)));
      }

      @Override
      public AdapterThreading threading() {
        return threading;
      }
    };
  }

  private static ResourceCapabilities capabilities(String attributes, String filters, Set<Operation> operations) {
    return new ResourceCapabilities(list(attributes), ResourceCapabilities.equalityOn(list(filters).toArray(String[]::new)),
        false, operations, false);
  }

  private static Set<String> list(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(name -> !name.isEmpty())
        .collect(Collectors.toSet());
  }
}
