package dev.scimgateway.core.operation;

import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * A tenant's adapter confined to its {@link HomeContext}: {@link #start()}, {@link #probe()},
 * {@link #close()} and every call of its providers run there, whichever event loop asks, so that the
 * adapter is only ever called on one thread. {@link #provider} and {@link #degradation()} answer directly,
 * from state the adapter fixed when it was created or keeps thread-safe (see {@link ScimAdapter}).
 */
public final class ConfinedAdapter implements ScimAdapter {

  private final ScimAdapter delegate;
  private final HomeContext home;

  public ConfinedAdapter(ScimAdapter delegate, HomeContext home) {
    this.delegate = delegate;
    this.home = home;
  }

  public HomeContext home() {
    return home;
  }

  @Override
  public Optional<ResourceProvider> provider(ResourceType type) {
    return delegate.provider(type).map(provider -> new ConfinedProvider(provider, home));
  }

  @Override
  public Future<Void> start() {
    return home.call(delegate::start);
  }

  @Override
  public Future<Void> probe() {
    return home.call(delegate::probe);
  }

  @Override
  public Optional<String> degradation() {
    return delegate.degradation();
  }

  @Override
  public Future<Void> close() {
    return home.call(delegate::close);
  }
}
