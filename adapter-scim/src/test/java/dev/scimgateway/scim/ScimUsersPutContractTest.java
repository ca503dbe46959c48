package dev.scimgateway.scim;

import dev.scimgateway.adapter.tck.ProviderFixture;
import dev.scimgateway.adapter.tck.ResourceProviderContract;
import dev.scimgateway.adapter.tck.Samples;

/**
 * Users keep the contract with {@code patch: put} (a PATCH becomes a read and a PUT) and {@code delete: deactivate},
 * the PATCHes setting an attribute of the enterprise extension.
 */
class ScimUsersPutContractTest extends ResourceProviderContract {

  @Override
  protected ProviderFixture fixture() {
    return ScimFixtures.users(settings -> settings.put("patch", "put").put("delete", "deactivate"), Samples::departmentChange);
  }
}
