package dev.scimgateway.core.memory;

import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.tck.ProviderFixture;
import dev.scimgateway.adapter.tck.ResourceProviderContract;
import dev.scimgateway.adapter.tck.Samples;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The in-memory test adapter keeps the adapter contract, so what the core tests over it holds for real adapters. */
class MemoryUsersContractTest extends ResourceProviderContract {

  @Override
  protected ProviderFixture fixture() {
    MemoryResources users = new MemoryResources("User", new ResourceCapabilities(
        Set.of("userName", "name.givenName", "name.familyName", "externalId", "active"),
        ResourceCapabilities.equalityOn("userName", "externalId"), false, EnumSet.allOf(Operation.class), false));
    return ProviderFixture.of(users, Samples::user, Samples::deactivation, Optional.empty(), () -> {});
  }
}
