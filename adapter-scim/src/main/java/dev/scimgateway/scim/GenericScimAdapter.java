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
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One tenant's SCIM 2.0 upstream: at {@link #start()} it reads the upstream's discovery documents, settles
 * each resource type's {@link TypePlan} (the configuration overriding what the upstream claims) and logs it,
 * one line per type; then serves a {@link ScimResources} per type, all through one client and budget.
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
  private volatile Map<String, ScimResources> providers = Map.of();

  GenericScimAdapter(AdapterContext context, ScimSettings settings, TeamBudgets teams) {
    this.tenant = context.tenant();
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
      documents.missing().forEach((path, why) -> LOG.log(Level.WARNING, "tenant " + tenant + ": the upstream's " + path
          + " could not be read (" + why + "); using the configuration or defaults instead"));
      Map<String, ScimResources> served = new TreeMap<>();
      for (TypePlan plan : UpstreamPlan.of(settings, documents, tenantKey)) {
        LOG.log(Level.INFO, "tenant " + tenant + ": " + plan.describe());
        served.put(KnownTypes.key(plan.type().name()), new ScimResources(client, plan, safeCreate, creates));
      }
      providers = Map.copyOf(served);
      return Future.<Void>succeededFuture();
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
    return team.degradation();
  }

  @Override
  public Future<Void> close() {
    return client.close();
  }
}
