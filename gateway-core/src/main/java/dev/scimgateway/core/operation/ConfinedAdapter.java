package dev.scimgateway.core.operation;

import dev.scimgateway.adapter.api.AdapterThreading;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * A tenant's adapter confined to its {@link HomeContext}: {@link #start()}, {@link #probe()} and
 * {@link #close()} run there, whichever event loop asks, and so does every call of its providers unless
 * the adapter's {@link #threading()} is {@link AdapterThreading#ANY_LOOP}, when they run on the loop of
 * the request. {@link #provider} and {@link #degradation()} answer directly, from state the adapter
 * fixed when it was created or keeps thread-safe (see {@link ScimAdapter}).
 */
public final class ConfinedAdapter implements ScimAdapter {

  private final ScimAdapter delegate;
  private final HomeContext home;
  private final AdapterThreading threading;

  public ConfinedAdapter(ScimAdapter delegate, HomeContext home) {
    this.delegate = delegate;
    this.home = home;
    this.threading = delegate.threading();
  }

  public HomeContext home() {
    return home;
  }

  @Override
  public Optional<ResourceProvider> provider(ResourceType type) {
    Optional<ResourceProvider> provider = delegate.provider(type);
    return threading == AdapterThreading.ANY_LOOP ? provider : provider.map(confined -> new ConfinedProvider(confined, home));
  }

  @Override
  public AdapterThreading threading() {
    return threading;
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
