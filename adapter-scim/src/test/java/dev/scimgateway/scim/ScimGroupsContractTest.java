package dev.scimgateway.scim;

import dev.scimgateway.adapter.tck.ProviderFixture;
import dev.scimgateway.adapter.tck.ResourceProviderContract;

/** Groups over a standards-compliant upstream keep the adapter contract; members are users made through the adapter. */
class ScimGroupsContractTest extends ResourceProviderContract {

  @Override
  protected ProviderFixture fixture() {
    return ScimFixtures.groups(settings -> {});
  }
}
