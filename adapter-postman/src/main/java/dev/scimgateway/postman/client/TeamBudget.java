package dev.scimgateway.postman.client;

import dev.scimgateway.adapter.api.InvalidConfigException;
import dev.scimgateway.adapter.support.budget.RequestBudget;
import dev.scimgateway.postman.PostmanSettings;
import dev.scimgateway.postman.PostmanSettings.RateLimit;
import io.vertx.core.Vertx;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request budget of one Postman team: a {@link RequestBudget} for reads (GET) and one for writes
 * (POST, PUT, PATCH, DELETE), as Postman counts them.
 *
 * <p>Postman's limits are per team, so tenants whose {@code baseUrl} and {@code apiKey} are the same
 * share one instance: {@link #join} keeps a registry keyed by the Vert.x instance and a SHA-256 of
 * baseUrl and key (the key itself is never kept as a map key or shown). A tenant that configured
 * reads, writes or the window sets the team's budget; tenants that left them at their defaults take
 * the team's; two tenants that configured different budgets for one team are a configuration error.
 */
public final class TeamBudget {

  private static final System.Logger LOG = System.getLogger(TeamBudget.class.getName());
  private static final Map<Key, TeamBudget> REGISTRY = new HashMap<>();

  private record Key(Vertx vertx, String team) {}

  private final Key key;
  private final RequestBudget reads;
  private final RequestBudget writes;
  private final AtomicLong tickets = new AtomicLong();
  private final Set<String> tenants = new LinkedHashSet<>();
  private volatile RateLimit budget;
  private String budgetFrom;

  private TeamBudget(Key key, RateLimit budget, String tenant, RequestBudget.Scheduler scheduler) {
    this.key = key;
    this.budget = budget;
    this.budgetFrom = tenant;
    this.reads = new RequestBudget("read", budget.reads(), budget.window(), scheduler);
    this.writes = new RequestBudget("write", budget.writes(), budget.window(), scheduler);
  }

  /**
   * The budget of the tenant's team, shared with the other tenants of that team in this Vert.x
   * instance; {@link #leave} it when the tenant closes.
   *
   * @throws InvalidConfigException when another tenant configured a different budget for the team
   */
  public static TeamBudget join(Vertx vertx, String tenant, PostmanSettings settings) {
    Key key = new Key(vertx, teamId(settings));
    synchronized (REGISTRY) {
      TeamBudget team = REGISTRY.get(key);
      if (team == null) {
        team = new TeamBudget(key, settings.rateLimit(), tenant, RequestBudget.vertxScheduler(vertx));
        REGISTRY.put(key, team);
      } else {
        team.adopt(tenant, settings.rateLimit());
      }
      team.tenants.add(tenant);
      return team;
    }
  }

  /** Leaves the team's budget; the last tenant to leave removes it from the registry. */
  public void leave(String tenant) {
    synchronized (REGISTRY) {
      tenants.remove(tenant);
      if (tenants.isEmpty()) {
        REGISTRY.remove(key, this);
      }
    }
  }

  private void adopt(String tenant, RateLimit wanted) {
    if (!wanted.explicit() || wanted.sameBudget(budget)) {
      return;
    }
    if (budget.explicit()) {
      throw new InvalidConfigException("tenants." + tenant + ".postman.rateLimit: tenant " + tenant
          + " uses the same Postman team (baseUrl and apiKey) as tenant " + budgetFrom + ", and a team has one budget,"
          + " but it sets " + wanted.describe() + " where " + budgetFrom + " sets " + budget.describe()
          + "; give both the same rateLimit reads, writes and perSeconds");
    }
    LOG.log(Level.INFO, "tenants " + String.join(", ", tenants) + " and " + tenant
        + " share a Postman team; its budget is " + wanted.describe() + ", as configured for " + tenant);
    budget = wanted;
    budgetFrom = tenant;
    reads.reconfigure(wanted.reads(), wanted.window());
    writes.reconfigure(wanted.writes(), wanted.window());
  }

  /** The budget for a request with this method: GET and HEAD read, everything else writes. */
  public RequestBudget lane(boolean write) {
    return write ? writes : reads;
  }

  public RequestBudget reads() {
    return reads;
  }

  public RequestBudget writes() {
    return writes;
  }

  /** The window both budgets count over. */
  public java.time.Duration window() {
    return budget.window();
  }

  /** The next place in line, shared by the team's tenants so that requests go in arrival order. */
  public long nextTicket() {
    return tickets.incrementAndGet();
  }

  /** A stable, non-secret identifier of the team: a SHA-256 of baseUrl and API key. */
  /** A short, non-secret name of the team for metrics: the start of {@link #teamId}. */
  public String id() {
    return key.team().substring(0, 12);
  }

  static String teamId(PostmanSettings settings) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(settings.base().getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      sha256.update(settings.apiKey().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public String toString() {
    return "TeamBudget[" + key.team().substring(0, Math.min(8, key.team().length())) + ", tenants=" + tenants + "]";
  }
}
