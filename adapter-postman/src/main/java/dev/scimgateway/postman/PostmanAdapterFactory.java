package dev.scimgateway.postman;

import dev.scimgateway.adapter.api.AdapterContext;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.api.ScimAdapterFactory;
import dev.scimgateway.adapter.support.budget.TeamBudgets;
import dev.scimgateway.postman.client.PostmanClient;

/**
 * The {@code postman} adapter: Postman's SCIM API for Users and Groups. Owns the request budgets of the Postman
 * teams its tenants use: tenants of one team, created by one factory, share one budget.
 */
public final class PostmanAdapterFactory implements ScimAdapterFactory {

  private final TeamBudgets teamBudgets = PostmanClient.newTeamBudgets();

  @Override
  public String name() {
    return "postman";
  }

  @Override
  public ScimAdapter create(AdapterContext context) {
    return new PostmanAdapter(context, PostmanSettings.from(context.settings()), teamBudgets);
  }
}
