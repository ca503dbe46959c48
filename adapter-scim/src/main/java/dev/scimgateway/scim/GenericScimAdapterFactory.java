package dev.scimgateway.scim;

import dev.scimgateway.adapter.api.AdapterContext;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.api.ScimAdapterFactory;
import dev.scimgateway.adapter.support.budget.TeamBudgets;

/**
 * The {@code scim} adapter: any SCIM 2.0 upstream, configured with its {@code baseUrl} and {@code auth} and
 * learning the rest from its discovery documents. Tenants with the same base URL and credential share one
 * request budget.
 */
public final class GenericScimAdapterFactory implements ScimAdapterFactory {

  private final TeamBudgets teams = new TeamBudgets("SCIM upstream", "baseUrl and auth");

  @Override
  public String name() {
    return "scim";
  }

  @Override
  public ScimAdapter create(AdapterContext context) {
    return new GenericScimAdapter(context, ScimSettings.from(context.settings()), teams);
  }
}
