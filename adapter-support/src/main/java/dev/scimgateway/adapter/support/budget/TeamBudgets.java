package dev.scimgateway.adapter.support.budget;

import dev.scimgateway.adapter.api.ClusterSettings;
import dev.scimgateway.adapter.api.InvalidConfigException;
import dev.scimgateway.adapter.support.cluster.ClusterRedis;
import io.vertx.core.Vertx;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link TeamBudget}s of the tenants one adapter factory created: tenants whose {@link TeamKey}
 * is the same (same base URL and credential) in one Vert.x instance share one budget, since the
 * upstream counts per team.
 *
 * <p>An adapter factory creates one and owns it; the gateway loads its factories afresh, so each
 * gateway has budgets of its own and nothing is kept in static state. The registry is keyed by the
 * Vert.x instance and the team key; the credential itself is never kept or shown.
 *
 * <p>A tenant that configured its limits ({@link BudgetLimits#explicit()}) sets the team's; tenants
 * that left them at their defaults take the team's; two tenants that configured different limits for
 * one team are a configuration error. Thread-safe.
 *
 * <p>When the gateway is one of several replicas ({@link ClusterSettings}), the registry also owns
 * that gateway's {@link ClusterRedis}: one client per Vert.x instance, shared by all its teams'
 * {@link SharedRequestBudget}s and closed when the last team leaves.
 */
public final class TeamBudgets {

  private static final System.Logger LOG = System.getLogger(TeamBudgets.class.getName());

  private record Key(Vertx vertx, TeamKey team) {}

  private final String upstream;
  private final String teamIdentity;
  /**
   * How long a shared slot counts as in flight if its release never comes (its replica died): longer
   * than any request lasts, so that the slot never frees before the upstream stops counting it.
   */
  static final long LEASE_MILLIS = 120_000;

  private final Map<Key, TeamBudget> budgets = new HashMap<>();
  private final Map<Vertx, ClusterRedis> redis = new HashMap<>();

  /**
   * @param upstream the upstream's name for messages, e.g. {@code Postman}
   * @param teamIdentity the settings that make up a team, for messages, e.g. {@code baseUrl and apiKey}
   */
  public TeamBudgets(String upstream, String teamIdentity) {
    this.upstream = upstream;
    this.teamIdentity = teamIdentity;
  }

  /**
   * The budget of the tenant's team, shared with the other tenants of that team in this Vert.x
   * instance; {@link TeamBudget#leave} it when the tenant closes.
   *
   * @param limits the limits the tenant asks for
   * @param limitsKey where the tenant configured them, e.g. {@code tenants.acme.postman.rateLimit}
   * @throws InvalidConfigException naming {@code limitsKey} when another tenant configured different
   *     limits for the team
   */
  public TeamBudget join(Vertx vertx, String tenant, TeamKey team, BudgetLimits limits, String limitsKey) {
    return join(vertx, tenant, team, limits, limitsKey, Optional.empty());
  }

  /**
   * As {@link #join(Vertx, String, TeamKey, BudgetLimits, String)}; with {@code cluster} the budget
   * is shared with the other replicas through Redis.
   */
  public synchronized TeamBudget join(Vertx vertx, String tenant, TeamKey team, BudgetLimits limits, String limitsKey,
      Optional<ClusterSettings> cluster) {
    Key key = new Key(vertx, team);
    TeamBudget budget = budgets.get(key);
    if (budget == null) {
      Optional<ClusterRedis> shared = cluster.map(settings -> redis.computeIfAbsent(vertx, v -> new ClusterRedis(v, settings)));
      budget = new TeamBudget(this, team, limits, tenant, RequestBudget.vertxScheduler(vertx), shared);
      budgets.put(key, budget);
    } else {
      adopt(budget, tenant, limits, limitsKey);
    }
    budget.tenants().add(tenant);
    return budget;
  }

  /** How many teams have a budget here. */
  public synchronized int size() {
    return budgets.size();
  }

  synchronized void leave(TeamBudget budget, String tenant) {
    budget.tenants().remove(tenant);
    if (budget.tenants().isEmpty()) {
      budgets.values().remove(budget);
      budget.close();
      budget.redis().ifPresent(this::closeIfUnused);
    }
  }

  private void closeIfUnused(ClusterRedis unused) {
    if (budgets.values().stream().noneMatch(other -> other.redis().filter(r -> r == unused).isPresent())) {
      redis.values().remove(unused);
      unused.close();
    }
  }

  private void adopt(TeamBudget budget, String tenant, BudgetLimits wanted, String limitsKey) {
    BudgetLimits current = budget.limits();
    if (!wanted.explicit() || wanted.sameLimits(current)) {
      return;
    }
    String from = budget.limitsFrom();
    if (current.explicit()) {
      throw new InvalidConfigException(limitsKey + ": tenant " + tenant + " uses the same " + upstream + " team ("
          + teamIdentity + ") as tenant " + from + ", and a team has one budget, but it sets " + wanted.describe()
          + " where " + from + " sets " + current.describe() + "; give both the same rateLimit reads, writes and perSeconds");
    }
    LOG.log(Level.INFO, "tenants " + String.join(", ", budget.tenants()) + " and " + tenant + " share a " + upstream
        + " team; its budget is " + wanted.describe() + ", as configured for " + tenant);
    budget.reconfigure(wanted, tenant);
  }
}
