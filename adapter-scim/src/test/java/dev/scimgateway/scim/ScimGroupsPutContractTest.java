package dev.scimgateway.scim;

import dev.scimgateway.adapter.tck.ProviderFixture;
import dev.scimgateway.adapter.tck.ResourceProviderContract;

/** Groups keep the contract when the upstream claims no PATCH, so member changes go as a read and a PUT. */
class ScimGroupsPutContractTest extends ResourceProviderContract {

  @Override
  protected ProviderFixture fixture() {
    return ScimFixtures.groups(settings -> settings.put("patch", "put"));
  }
}
