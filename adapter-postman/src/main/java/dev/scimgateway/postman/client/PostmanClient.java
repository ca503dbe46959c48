package dev.scimgateway.postman.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimgateway.adapter.api.AdapterTelemetry;
import dev.scimgateway.adapter.api.ClusterSettings;
import dev.scimgateway.adapter.support.budget.TeamBudget;
import dev.scimgateway.adapter.support.budget.TeamBudgets;
import dev.scimgateway.adapter.support.budget.TeamKey;
import dev.scimgateway.adapter.support.cluster.CreateGuard;
import dev.scimgateway.adapter.support.cluster.SharedIdIndex;
import dev.scimgateway.adapter.support.upstream.UpstreamAnswer;
import dev.scimgateway.adapter.support.upstream.UpstreamCall;
import dev.scimgateway.adapter.support.upstream.UpstreamClient;
import dev.scimgateway.adapter.support.upstream.UpstreamEndpoint;
import dev.scimgateway.postman.PostmanSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends {@link UpstreamCall}s to one tenant's Postman team through an {@link UpstreamClient} (the
 * budget, retries, 429 pauses and telemetry it shares with other adapters), with Postman's
 * {@link PostmanErrorTranslator} turning every failure into the error the IdP should see. The API key
 * is sent raw in {@code Authorization}, as Postman's collections do, and appears nowhere else.
 *
 * <p>A POST is not blindly re-sent: unless the connection was refused it fails with an
 * {@link dev.scimgateway.adapter.support.upstream.UncertainOutcome} for the caller to resolve (it is not
 * a {@link dev.scimgateway.adapter.api.ScimFailure}: a caller that cannot resolve it must turn it into
 * its failure before the gateway sees it).
 */
public final class PostmanClient {

  private final Vertx vertx;
  private final String tenant;
  private final PostmanSettings settings;
  private final TeamBudget team;
  private final UpstreamClient upstream;
  private final CreateGuard creates;
  private final SharedIdIndex sharedIds;

  /**
   * A client inside the budget it shares with the other tenants of its Postman team in {@code teams},
   * reporting to the gateway's telemetry.
   *
   * @param teams the team budgets of the adapter factory that creates the client
   * @throws dev.scimgateway.adapter.api.InvalidConfigException when another tenant of the team set a
   *     different budget
   */
  public PostmanClient(Vertx vertx, String tenant, PostmanSettings settings, AdapterTelemetry telemetry,
      TeamBudgets teams) {
    this(vertx, tenant, settings, telemetry, teams, Optional.empty());
  }

  /**
   * As {@link #PostmanClient(Vertx, String, PostmanSettings, AdapterTelemetry, TeamBudgets)}; with
   * {@code cluster} the team's budget is shared with the gateway's other replicas through Redis.
   */
  public PostmanClient(Vertx vertx, String tenant, PostmanSettings settings, AdapterTelemetry telemetry,
      TeamBudgets teams, Optional<ClusterSettings> cluster) {
    this.vertx = vertx;
    this.tenant = tenant;
    this.settings = settings;
    this.team = teams.join(vertx, tenant, TeamKey.of(settings.base(), settings.apiKey()),
        settings.rateLimit().budgetLimits(), "tenants." + tenant + ".postman.rateLimit", cluster);
    UpstreamEndpoint endpoint = new UpstreamEndpoint("Postman", settings.base(), HttpHeaders.AUTHORIZATION.toString(),
        settings.apiKey(), settings.requestTimeout(), settings.rateLimit().maxQueue(), settings.rateLimit().maxWait(),
        settings.retry().policy(), "application/json");
    this.upstream = new UpstreamClient(vertx, tenant, endpoint, team, new PostmanErrorTranslator(tenant, settings),
        telemetry);
    this.creates = team.redis()
        .map(redis -> CreateGuard.shared(vertx, redis, team.team().sha256()))
        .orElseGet(CreateGuard::inProcess);
    this.sharedIds = team.redis()
        .map(redis -> SharedIdIndex.shared(redis, team.team().sha256()))
        .orElseGet(SharedIdIndex::inProcess);
  }

  /** A registry for the team budgets of Postman tenants, for an adapter factory to own. */
  public static TeamBudgets newTeamBudgets() {
    return new TeamBudgets("Postman", "baseUrl and apiKey");
  }

  /** Sends the call within the budget; a 2xx answer's JSON body, or a failed future. */
  public Future<JsonNode> call(UpstreamCall call) {
    return upstream.call(call);
  }

  /** As {@link #call(UpstreamCall)}, with the bytes of the answer's body beside its JSON. */
  public Future<UpstreamAnswer> exchange(UpstreamCall call) {
    return upstream.exchange(call);
  }

  /**
   * As {@link #call(UpstreamCall)}, waiting for the budget at most {@code maxWait} (longer for
   * background work such as the cache warm-up).
   */
  public Future<JsonNode> call(UpstreamCall call, Duration maxWait) {
    return upstream.call(call, maxWait);
  }

  /** How many requests this client has sent upstream, every attempt counted. */
  public long sentCount() {
    return upstream.sentCount();
  }

  /** Keeps two replicas from sending one create twice; lets every create go in a gateway on its own. */
  public CreateGuard creates() {
    return creates;
  }

  /** The ids the team's users have, as the gateway's replicas learned them (nothing in a gateway on its own). */
  public SharedIdIndex sharedIds() {
    return sharedIds;
  }

  /** The team budget the client sends within, shared with the team's other tenants (and replicas). */
  public TeamBudget team() {
    return team;
  }

  public Vertx vertx() {
    return vertx;
  }

  public PostmanSettings settings() {
    return settings;
  }

  public String tenant() {
    return tenant;
  }

  public Future<Void> close() {
    return upstream.close();
  }
}
