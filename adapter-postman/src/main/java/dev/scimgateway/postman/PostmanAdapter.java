package dev.scimgateway.postman;

import dev.scimgateway.adapter.api.AdapterContext;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.postman.client.PostmanClient;
import dev.scimgateway.postman.users.PostmanUsers;
import io.vertx.core.Future;
import java.util.Optional;

/** One tenant's connection to a Postman team. Postman's SCIM API serves Users (Groups: later). */
final class PostmanAdapter implements ScimAdapter {

  private final PostmanClient client;
  private final PostmanUsers users;

  PostmanAdapter(AdapterContext context, PostmanSettings settings) {
    this.client = new PostmanClient(context.vertx(), context.tenant(), settings);
    this.users = new PostmanUsers(client);
  }

  @Override
  public Optional<ResourceProvider> provider(ResourceType type) {
    return type.equals(ResourceType.USER) ? Optional.of(users) : Optional.empty();
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
