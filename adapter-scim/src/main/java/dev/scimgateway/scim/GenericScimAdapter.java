package dev.scimgateway.scim;

import dev.scimgateway.adapter.api.AdapterContext;
import dev.scimgateway.adapter.api.AdapterThreading;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ResourceType;
import dev.scimgateway.adapter.api.ScimAdapter;
import dev.scimgateway.adapter.support.budget.TeamBudget;
import dev.scimgateway.adapter.support.budget.TeamBudgets;
import dev.scimgateway.adapter.support.budget.TeamKey;
import dev.scimgateway.adapter.support.cluster.CreateGuard;
import dev.scimgateway.adapter.support.upstream.SafeCreate;
import dev.scimgateway.adapter.support.upstream.UpstreamClient;
import dev.scimgateway.adapter.support.upstream.UpstreamEndpoint;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One tenant's SCIM 2.0 upstream: at {@link #start()} it reads the upstream's discovery documents, settles
 * each resource type's {@link TypePlan} (the configuration overriding what the upstream claims) and logs it,
 * one line per type; then serves a {@link ScimResources} per type, all through one client and budget. While a
 * document could not be read, the adapter says so in {@link #degradation()} and reads the documents again every
 * {@code discoveryRetryMillis}, serving the types it serves by the new plans once they have been read.
 */
final class GenericScimAdapter implements ScimAdapter {

  private static final System.Logger LOG = System.getLogger(GenericScimAdapter.class.getName());

  private final String tenant;
  private final String tenantKey;
  private final ScimSettings settings;
  private final TeamBudget team;
  private final UpstreamClient client;
  private final SafeCreate safeCreate;
  private final CreateGuard creates;
  private final Vertx vertx;
  private volatile Map<String, ScimResources> providers = Map.of();
  private volatile Set<String> unread = Set.of();
  private long retryTimer = -1;
  private boolean closed;

  GenericScimAdapter(AdapterContext context, ScimSettings settings, TeamBudgets teams) {
    this.tenant = context.tenant();
    this.vertx = context.vertx();
    this.tenantKey = context.settings().path();
    this.settings = settings;
    this.team = teams.join(context.vertx(), tenant, TeamKey.of(settings.base(), settings.auth().value()),
        settings.budget(), tenantKey + ".rateLimit", context.cluster());
    UpstreamEndpoint endpoint = new UpstreamEndpoint("The SCIM upstream", settings.base(), settings.auth().header(),
        settings.auth().value(), settings.requestTimeout(), settings.maxQueue(), settings.maxWait(), settings.retry(),
        "application/scim+json, application/json");
    this.client = new UpstreamClient(context.vertx(), tenant, endpoint, team, new ScimErrorTable(tenantKey, settings),
        context.telemetry());
    this.safeCreate = new SafeCreate(context.vertx(), settings.retry(), tenant, "the resource");
    this.creates = team.redis()
        .map(redis -> CreateGuard.shared(context.vertx(), redis, team.team().sha256()))
        .orElseGet(CreateGuard::inProcess);
  }

  /** The providers keep nothing between calls but the team's budget and create locks, which are thread-safe. */
  @Override
  public AdapterThreading threading() {
    return AdapterThreading.ANY_LOOP;
  }

  @Override
  public Optional<ResourceProvider> provider(ResourceType type) {
    return Optional.ofNullable(providers.get(KnownTypes.key(type.name())));
  }

  /** Learns what the upstream serves, settles each type's plan and logs it; fails only on a configuration error. */
  @Override
  public Future<Void> start() {
    return UpstreamDocuments.fetch(client).compose(documents -> {
      Map<String, ScimResources> served = new TreeMap<>();
      for (TypePlan plan : UpstreamPlan.of(settings, documents, tenantKey)) {
        LOG.log(Level.INFO, "tenant " + tenant + ": " + plan.describe());
        served.put(KnownTypes.key(plan.type().name()), new ScimResources(client, plan, safeCreate, creates));
      }
      providers = Map.copyOf(served);
      noteGaps(documents);
      return Future.<Void>succeededFuture();
    });
  }

  /** Logs the documents that could not be read and, while there are any, reads them all again later. */
  private void noteGaps(UpstreamDocuments documents) {
    documents.missing().forEach((path, why) -> LOG.log(Level.WARNING, "tenant " + tenant + ": the upstream's " + path
        + " could not be read (" + why + "); using the configuration or defaults instead, and reading it again in "
        + settings.discoveryRetry().toMillis() + " ms"));
    unread = Set.copyOf(documents.missing().keySet());
    if (!unread.isEmpty()) {
      readAgainLater();
    }
  }

  private synchronized void readAgainLater() {
    if (!closed) {
      retryTimer = vertx.setTimer(settings.discoveryRetry().toMillis(), ignored -> rediscover());
    }
  }

  /**
   * Reads the documents again and, once more of them could be read, serves each type by its new plan; a plan
   * that would know less (a document read before is missing now) is not applied, and a type not served at
   * start-up stays unserved.
   */
  private void rediscover() {
    UpstreamDocuments.fetch(client).onSuccess(documents -> {
      Set<String> missing = documents.missing().keySet();
      boolean knowsLess = !unread.containsAll(missing);
      if (knowsLess || unread.equals(missing)) {
        if (knowsLess) {
          LOG.log(Level.WARNING, "tenant " + tenant + ": discovery read again, not applied: " + documents.missing()
              + " could not be read this time");
        }
        readAgainLater();
        return;
      }
      try {
        for (TypePlan plan : UpstreamPlan.of(settings, documents, tenantKey)) {
          ScimResources provider = providers.get(KnownTypes.key(plan.type().name()));
          if (provider != null) {
            provider.replan(plan);
            LOG.log(Level.INFO, "tenant " + tenant + ": discovery read again: " + plan.describe());
          }
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "tenant " + tenant + ": discovery read again, not applied: " + e.getMessage());
      }
      noteGaps(documents);
    });
  }

  /** Asks the upstream for one resource of the first type served: proves the URL and the credential. */
  @Override
  public Future<Void> probe() {
    return providers.values().stream().findFirst()
        .map(provider -> provider.list(new ListQuery(Optional.empty(), 1, 1)).<Void>mapEmpty())
        .orElseGet(Future::succeededFuture);
  }

  @Override
  public Optional<String> degradation() {
    Optional<String> budget = team.degradation();
    Set<String> missing = unread;
    Optional<String> discovery = missing.isEmpty() ? Optional.empty()
        : Optional.of("the upstream's " + String.join(", ", new TreeSet<>(missing))
            + " could not be read: serving the configured or default attributes, filters and PATCH mode until it can");
    return budget.isPresent() && discovery.isPresent() ? Optional.of(budget.get() + "; " + discovery.get())
        : budget.or(() -> discovery);
  }

  @Override
  public Future<Void> close() {
    synchronized (this) {
      closed = true;
      if (retryTimer >= 0) {
        vertx.cancelTimer(retryTimer);
      }
    }
    return client.close();
  }
}
