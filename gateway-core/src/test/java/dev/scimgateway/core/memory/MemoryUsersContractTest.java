package dev.scimgateway.core.memory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.tck.ProviderFixture;
import dev.scimgateway.adapter.tck.ResourceProviderContract;
import dev.scimgateway.adapter.tck.Samples;
import java.util.EnumSet;
import java.util.Set;

/** The in-memory test adapter keeps the adapter contract, so what the core tests over it holds for real adapters. */
class MemoryUsersContractTest extends ResourceProviderContract {

  @Override
  protected ProviderFixture fixture() {
    MemoryResources users = new MemoryResources("User", new ResourceCapabilities(
        Set.of("userName", "name.givenName", "name.familyName", "externalId", "active"),
        ResourceCapabilities.equalityOn("userName", "externalId"), false, EnumSet.allOf(Operation.class), false));
    return new ProviderFixture() {
      @Override
      public ResourceProvider provider() {
        return users;
      }

      @Override
      public ObjectNode newResource(String unique) {
        return Samples.user(unique);
      }

      @Override
      public Assignment assignment() {
        return Samples.deactivation();
      }

      @Override
      public void close() {}
    };
  }
}
