package dev.scimgateway.adapter.support.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.adapter.api.InvalidConfigException;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenants that use the same upstream team share one budget; nothing else does. */
class TeamBudgetTest {

  private static final String KEY = "PMAK-team-budget-secret";
  private static final BudgetLimits DEFAULTS = new BudgetLimits(300, 180, Duration.ofSeconds(60), false);

  private Vertx vertx;
  private TeamBudgets teams;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    teams = new TeamBudgets("Postman", "baseUrl and apiKey");
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private static BudgetLimits configured(int reads, int writes, int seconds) {
    return new BudgetLimits(reads, writes, Duration.ofSeconds(seconds), true);
  }

  private static TeamKey team(String baseUrl, String key) {
    return TeamKey.of(baseUrl, key);
  }

  private TeamBudget join(TeamBudgets registry, Vertx on, String tenant, TeamKey team, BudgetLimits limits) {
    return registry.join(on, tenant, team, limits, "tenants." + tenant + ".postman.rateLimit");
  }

  private TeamBudget join(String tenant, TeamKey team, BudgetLimits limits) {
    return join(teams, vertx, tenant, team, limits);
  }

  @Test
  void theSameBaseUrlAndKeyShareOneBudgetWithSeparateReadsAndWrites() {
    TeamBudget a = join("a", team("https://p/scim/v2", KEY), configured(30, 18, 60));
    TeamBudget b = join("b", team("https://p/scim/v2", KEY), configured(30, 18, 60));

    assertSame(a, b);
    assertNotSame(a.reads(), a.writes());
    assertSame(a.writes(), a.lane(true));
    assertSame(a.reads(), a.lane(false));
    assertEquals(30, a.reads().limit());
    assertEquals(18, a.writes().limit());
    a.leave("a");
    b.leave("b");
  }

  @Test
  void anotherKeyAnotherUrlOrAnotherVertxIsAnotherBudget() {
    TeamBudget a = join("a", team("https://p/scim/v2", KEY), DEFAULTS);
    Vertx other = Vertx.vertx();
    try {
      assertNotSame(a, join("b", team("https://p/scim/v2", KEY + "2"), DEFAULTS));
      assertNotSame(a, join("c", team("https://q/scim/v2", KEY), DEFAULTS));
      assertNotSame(a, join(teams, other, "d", team("https://p/scim/v2", KEY), DEFAULTS));
    } finally {
      other.close().await();
    }
  }

  @Test
  void anotherRegistryIsAnotherBudget() {
    TeamBudgets otherGateway = new TeamBudgets("Postman", "baseUrl and apiKey");

    TeamBudget mine = join("a", team("https://p/scim/v2", KEY), configured(30, 18, 60));
    TeamBudget theirs = join(otherGateway, vertx, "a", team("https://p/scim/v2", KEY), configured(30, 10, 60));

    assertNotSame(mine, theirs, "nothing is shared between registries, not even a conflict");
    assertEquals(18, mine.writes().limit());
    assertEquals(10, theirs.writes().limit());
    assertEquals(1, teams.size());
    assertEquals(1, otherGateway.size());
  }

  @Test
  void aConfiguredBudgetWinsOverDefaultsInEitherOrder() {
    TeamBudget first = join("defaults", team("https://p/scim/v2", KEY), DEFAULTS);
    TeamBudget second = join("configured", team("https://p/scim/v2", KEY), configured(20, 10, 2));
    TeamBudget third = join("defaults-too", team("https://p/scim/v2", KEY), DEFAULTS);

    assertSame(first, second);
    assertSame(first, third);
    assertEquals(10, first.writes().limit());
    assertEquals(20, first.reads().limit());
    assertEquals(Duration.ofSeconds(2), first.window());
  }

  @Test
  void twoConfiguredBudgetsForOneTeamAreAConfigurationError() {
    join("acme", team("https://p/scim/v2", KEY), configured(300, 180, 60));

    InvalidConfigException error = assertThrows(InvalidConfigException.class,
        () -> join("globex", team("https://p/scim/v2", KEY), configured(300, 100, 60)));

    assertEquals("tenants.globex.postman.rateLimit: tenant globex uses the same Postman team (baseUrl and apiKey) as"
        + " tenant acme, and a team has one budget, but it sets 100 writes and 300 reads per 60 s where acme sets"
        + " 180 writes and 300 reads per 60 s; give both the same rateLimit reads, writes and perSeconds",
        error.getMessage());
    assertFalse(error.getMessage().contains(KEY), error.getMessage());
  }

  @Test
  void theLastTenantToLeaveFreesTheTeam() {
    TeamBudget a = join("a", team("https://p/scim/v2", KEY), DEFAULTS);
    TeamBudget b = join("b", team("https://p/scim/v2", KEY), DEFAULTS);
    a.leave("a");
    assertSame(b, join("c", team("https://p/scim/v2", KEY), DEFAULTS));
    b.leave("b");
    b.leave("c");
    assertEquals(0, teams.size());

    assertNotSame(a, join("d", team("https://p/scim/v2", KEY), DEFAULTS));
  }

  @Test
  void theTeamKeyIsAHashNotTheKey() {
    TeamKey key = team("https://p/scim/v2", KEY);

    assertEquals(64, key.sha256().length());
    assertFalse(key.sha256().contains(KEY));
    assertFalse(key.toString().contains(KEY));
    assertEquals(key.sha256().substring(0, 12), join("a", key, DEFAULTS).id());
    assertFalse(join("a", key, DEFAULTS).toString().contains(KEY));
  }

  @Test
  void theTeamKeyDependsOnBothUrlAndKey() {
    assertEquals(team("https://p/scim/v2", KEY), team("https://p/scim/v2", KEY));
    assertFalse(team("https://p/scim/v2", KEY).equals(team("https://p/scim/v2", KEY + "x")));
    assertFalse(team("https://p/scim/v2", KEY).equals(team("https://q/scim/v2", KEY)));
    assertFalse(team("ab", "c").equals(team("a", "bc")), "the two parts are kept apart");
  }
}
