package dev.scimgateway.adapter.support.budget;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request budget of one upstream team: a {@link RequestBudget} for reads (GET, HEAD) and one for
 * writes (POST, PUT, PATCH, DELETE), as upstreams such as Postman count them.
 *
 * <p>Tenants of one team share one instance, handed out by the {@link TeamBudgets} that owns it; see
 * there how a tenant joins and how configured limits are reconciled. {@link #leave} it when the
 * tenant closes.
 */
public final class TeamBudget {

  private final TeamBudgets owner;
  private final TeamKey team;
  private final RequestBudget reads;
  private final RequestBudget writes;
  private final AtomicLong tickets = new AtomicLong();
  /** Guarded by {@link #owner}, like the registry itself. */
  private final Set<String> tenants = new LinkedHashSet<>();
  private volatile BudgetLimits limits;
  private String limitsFrom;

  TeamBudget(TeamBudgets owner, TeamKey team, BudgetLimits limits, String tenant, RequestBudget.Scheduler scheduler) {
    this.owner = owner;
    this.team = team;
    this.limits = limits;
    this.limitsFrom = tenant;
    this.reads = new RequestBudget("read", limits.reads(), limits.window(), scheduler);
    this.writes = new RequestBudget("write", limits.writes(), limits.window(), scheduler);
  }

  /** Leaves the team's budget; the last tenant to leave removes it from its {@link TeamBudgets}. */
  public void leave(String tenant) {
    owner.leave(this, tenant);
  }

  /** The budget for a request: writes for a write, reads otherwise. */
  public RequestBudget lane(boolean write) {
    return write ? writes : reads;
  }

  /** The budget of GET and HEAD requests. */
  public RequestBudget reads() {
    return reads;
  }

  /** The budget of every other request. */
  public RequestBudget writes() {
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

  TeamKey team() {
    return team;
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
