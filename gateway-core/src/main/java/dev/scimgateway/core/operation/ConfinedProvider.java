package dev.scimgateway.core.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AttributeSelection;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceChange;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.adapter.api.ResourceProvider;
import io.vertx.core.Future;

/**
 * A provider called only on its adapter's {@link HomeContext}: a request on another event loop has each
 * call run there and gets the answer on its own loop. {@link #capabilities()} is answered directly.
 */
final class ConfinedProvider implements ResourceProvider {

  private final ResourceProvider delegate;
  private final HomeContext home;

  ConfinedProvider(ResourceProvider delegate, HomeContext home) {
    this.delegate = delegate;
    this.home = home;
  }

  @Override
  public ResourceCapabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public Future<ObjectNode> create(ObjectNode resource) {
    return home.call(() -> delegate.create(resource));
  }

  @Override
  public Future<ObjectNode> get(String id, AttributeSelection selection) {
    return home.call(() -> delegate.get(id, selection));
  }

  @Override
  public Future<ResourcePage> list(ListQuery query) {
    return home.call(() -> delegate.list(query));
  }

  @Override
  public Future<ObjectNode> replace(String id, ObjectNode resource) {
    return home.call(() -> delegate.replace(id, resource));
  }

  @Override
  public Future<ObjectNode> modify(String id, ResourceChange change) {
    return home.call(() -> delegate.modify(id, change));
  }

  @Override
  public Future<Void> delete(String id) {
    return home.call(() -> delegate.delete(id));
  }
}
