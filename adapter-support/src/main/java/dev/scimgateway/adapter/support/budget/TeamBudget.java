package dev.scimgateway.adapter.support.budget;

import dev.scimgateway.adapter.support.cluster.ClusterRedis;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request budget of one upstream team: a {@link RequestBudget} for reads (GET, HEAD) and one for
 * writes (POST, PUT, PATCH, DELETE), as upstreams such as Postman count them.
 *
 * <p>Tenants of one team share one instance, handed out by the {@link TeamBudgets} that owns it; see
 * there how a tenant joins and how configured limits are reconciled. {@link #leave} it when the
 * tenant closes.
 *
 * <p>In a gateway that runs alone both lanes are {@link RequestBudget}s; in one of several replicas
 * with Redis they are {@link SharedRequestBudget}s, which the replicas share.
 */
public final class TeamBudget {

  private final TeamBudgets owner;
  private final TeamKey team;
  private final BudgetLane reads;
  private final BudgetLane writes;
  private final Optional<ClusterRedis> redis;
  private final AtomicLong tickets = new AtomicLong();
  /** Guarded by {@link #owner}, like the registry itself. */
  private final Set<String> tenants = new LinkedHashSet<>();
  private volatile BudgetLimits limits;
  private String limitsFrom;

  TeamBudget(TeamBudgets owner, TeamKey team, BudgetLimits limits, String tenant, RequestBudget.Scheduler scheduler,
      Optional<ClusterRedis> redis) {
    this.owner = owner;
    this.team = team;
    this.limits = limits;
    this.limitsFrom = tenant;
    this.redis = redis;
    this.reads = lane("read", limits.reads(), limits.window(), scheduler);
    this.writes = lane("write", limits.writes(), limits.window(), scheduler);
  }

  private BudgetLane lane(String name, int limit, Duration window, RequestBudget.Scheduler scheduler) {
    return redis.<BudgetLane>map(shared -> new SharedRequestBudget(name, team, limit, window, TeamBudgets.LEASE_MILLIS,
            scheduler, shared))
        .orElseGet(() -> new RequestBudget(name, limit, window, scheduler));
  }

  /** Leaves the team's budget; the last tenant to leave removes it from its {@link TeamBudgets}. */
  public void leave(String tenant) {
    owner.leave(this, tenant);
  }

  /** The budget for a request: writes for a write, reads otherwise. */
  public BudgetLane lane(boolean write) {
    return write ? writes : reads;
  }

  /** The budget of GET and HEAD requests. */
  public BudgetLane reads() {
    return reads;
  }

  /** The budget of every other request. */
  public BudgetLane writes() {
    return writes;
  }

  /** The window both budgets count over. */
  public Duration window() {
    return limits.window();
  }

  /** The next place in line, shared by the team's tenants so that requests go in arrival order. */
  public long nextTicket() {
    return tickets.incrementAndGet();
  }

  /** A short, non-secret name of the team for metrics: {@link TeamKey#shortId()}. */
  public String id() {
    return team.shortId();
  }

  /** The team's key (a SHA-256, never the credential), e.g. to name what replicas share in Redis. */
  public TeamKey team() {
    return team;
  }

  /** The Redis this team's budget is shared through, when the gateway is one of several replicas. */
  public Optional<ClusterRedis> redis() {
    return redis;
  }

  /**
   * Whether replicas share the budget through Redis (1) or this replica keeps to its own share
   * because Redis is away (0); empty for a gateway that runs alone.
   */
  public Optional<Boolean> shared() {
    return redis.map(ignored -> reads instanceof SharedRequestBudget r && r.isShared()
        && writes instanceof SharedRequestBudget w && w.isShared());
  }

  /** Why this replica does not share the team's budget now, or empty when it does or runs alone. */
  public Optional<String> degradation() {
    if (shared().orElse(true)) {
      return Optional.empty();
    }
    ClusterRedis cluster = redis.orElseThrow();
    return Optional.of(cluster.isUp()
        ? "Redis at " + cluster.address() + " is back; this replica returns to the shared budget of team "
            + id() + " within one window"
        : "Redis at " + cluster.address() + " is unreachable; this replica keeps to 1/" + cluster.replicas()
            + " of the budget of team " + id());
  }

  /** Stops the lanes' timers and listeners; called by the owner when the last tenant left. */
  void close() {
    reads.close();
    writes.close();
  }

  Set<String> tenants() {
    return tenants;
  }

  BudgetLimits limits() {
    return limits;
  }

  String limitsFrom() {
    return limitsFrom;
  }

  /** Takes {@code wanted}, configured by {@code tenant}, as the team's limits. Called by the owner. */
  void reconfigure(BudgetLimits wanted, String tenant) {
    limits = wanted;
    limitsFrom = tenant;
    reads.reconfigure(wanted.reads(), wanted.window());
    writes.reconfigure(wanted.writes(), wanted.window());
  }

  @Override
  public String toString() {
    return "TeamBudget[" + team.sha256().substring(0, 8) + ", tenants=" + tenants + "]";
  }
}
