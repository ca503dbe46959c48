package dev.scimgateway.postman;

import dev.scimgateway.adapter.api.AdapterContext;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.api.ScimAdapterFactory;

/** The {@code postman} adapter: Postman's SCIM API for Users. */
public final class PostmanAdapterFactory implements ScimAdapterFactory {

  @Override
  public String name() {
    return "postman";
  }

  @Override
  public ScimAdapter create(AdapterContext context) {
    return new PostmanAdapter(context, PostmanSettings.from(context.settings()));
  }
}
