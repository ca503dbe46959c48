package dev.scimgateway.postman;

import dev.scimgateway.adapter.api.AdapterContext;
import dev.scimgateway.adapter.api.AdapterThreading;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.support.budget.TeamBudgets;
import dev.scimgateway.postman.client.PostmanClient;
import dev.scimgateway.postman.groups.PostmanGroups;
import dev.scimgateway.postman.users.PostmanUsers;
import io.vertx.core.Future;
import java.lang.System.Logger.Level;
import java.util.Optional;

/** One tenant's connection to a Postman team: its Users and Groups, through one client and budget. */
final class PostmanAdapter implements ScimAdapter {

  private static final System.Logger LOG = System.getLogger(PostmanAdapter.class.getName());

  private final String tenant;
  private final PostmanSettings settings;
  private final PostmanClient client;
  private final PostmanUsers users;
  private final PostmanGroups groups;

  PostmanAdapter(AdapterContext context, PostmanSettings settings, TeamBudgets teamBudgets) {
    this.tenant = context.tenant();
    this.settings = settings;
    this.client = new PostmanClient(context.vertx(), context.tenant(), settings, context.telemetry(), teamBudgets,
        context.cluster());
    this.users = new PostmanUsers(client);
    users.bindMetrics(context.telemetry().registry(), context.telemetry().tags());
    this.groups = new PostmanGroups(client, users::hasSeen);
    groups.bindMetrics(context.telemetry().registry(), context.telemetry().tags());
  }

  /** What the providers keep between calls is thread-safe: the team's budget, the id caches, the shared scans. */
  @Override
  public AdapterThreading threading() {
    return AdapterThreading.ANY_LOOP;
  }

  @Override
  public Optional<ResourceProvider> provider(ResourceType type) {
    if (type.equals(ResourceType.USER)) {
      return Optional.of(users);
    }
    return type.equals(ResourceType.GROUP) ? Optional.of(groups) : Optional.empty();
  }

  /**
   * With {@code idCache.warmUp}, pages through the team's users (inside the read budget) before the
   * tenant is served. A failed warm-up is logged and does not stop the gateway: look-ups then learn
   * as they go.
   */
  @Override
  public Future<Void> start() {
    if (!settings.idCache().warmUp()) {
      return Future.succeededFuture();
    }
    long started = System.nanoTime();
    return users.warmUp()
        .onSuccess(count -> LOG.log(Level.INFO, "tenant " + tenant + ": id cache warmed up with " + count
            + " Postman users in " + (System.nanoTime() - started) / 1_000_000 + " ms"))
        .onFailure(failure -> LOG.log(Level.WARNING, "tenant " + tenant + ": id cache warm-up failed ("
            + failure.getMessage() + "); look-ups will learn as they go"))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  /** Asks Postman for one user: proves the URL, the key and the team in one read. */
  @Override
  public Future<Void> probe() {
    return users.list(new ListQuery(Optional.empty(), 1, 1)).mapEmpty();
  }

  /** Degraded while this replica cannot share its team's budget through Redis and keeps to its own share. */
  @Override
  public Optional<String> degradation() {
    return client.team().degradation();
  }

  @Override
  public Future<Void> close() {
    PostmanUsers.IdCacheStats stats = users.idCacheStats();
    LOG.log(Level.INFO, "tenant " + tenant + ": id cache " + stats.size() + " users, userName look-ups "
        + stats.userNameHits() + " hits / " + stats.userNameMisses() + " misses, externalId look-ups "
        + stats.externalIdHits() + " hits / " + stats.externalIdMisses() + " misses, " + stats.evictions() + " evictions");
    return client.close();
  }
}
