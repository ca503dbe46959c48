package dev.scimgateway.scim;

import dev.scimgateway.adapter.tck.ProviderFixture;
import dev.scimgateway.adapter.tck.ResourceProviderContract;

/** Users over a standards-compliant upstream keep the adapter contract, with what the adapter learned. */
class ScimUsersContractTest extends ResourceProviderContract {

  @Override
  protected ProviderFixture fixture() {
    return ScimFixtures.users(settings -> {});
  }
}
