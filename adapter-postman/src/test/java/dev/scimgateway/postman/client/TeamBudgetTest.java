package dev.scimgateway.postman.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.adapter.api.InvalidConfigException;
import dev.scimgateway.postman.PostmanSettings.RateLimit;
import dev.scimgateway.postman.PostmanSettings;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenants that use the same Postman team share one budget; nothing else does. */
class TeamBudgetTest {

  private static final String KEY = "PMAK-team-budget-secret";

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private static PostmanSettings settings(String baseUrl, String key, RateLimit rateLimit) {
    return new PostmanSettings(URI.create(baseUrl), key, Duration.ofSeconds(1), rateLimit,
        PostmanSettings.Retry.defaults(), PostmanSettings.IdCache.defaults());
  }

  private static RateLimit configured(int reads, int writes, int seconds) {
    return new RateLimit(reads, writes, Duration.ofSeconds(seconds), 10, Duration.ofSeconds(5), true);
  }

  @Test
  void theSameBaseUrlAndKeyShareOneBudgetWithSeparateReadsAndWrites() {
    TeamBudget a = TeamBudget.join(vertx, "a", settings("https://p/scim/v2", KEY, configured(30, 18, 60)));
    TeamBudget b = TeamBudget.join(vertx, "b", settings("https://p/scim/v2/", KEY, configured(30, 18, 60)));

    assertSame(a, b, "a trailing slash is the same team");
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
    TeamBudget a = TeamBudget.join(vertx, "a", settings("https://p/scim/v2", KEY, RateLimit.defaults()));
    Vertx other = Vertx.vertx();
    try {
      assertNotSame(a, TeamBudget.join(vertx, "b", settings("https://p/scim/v2", KEY + "2", RateLimit.defaults())));
      assertNotSame(a, TeamBudget.join(vertx, "c", settings("https://q/scim/v2", KEY, RateLimit.defaults())));
      assertNotSame(a, TeamBudget.join(other, "d", settings("https://p/scim/v2", KEY, RateLimit.defaults())));
    } finally {
      other.close().await();
    }
  }

  @Test
  void aConfiguredBudgetWinsOverDefaultsInEitherOrder() {
    TeamBudget first = TeamBudget.join(vertx, "defaults", settings("https://p/scim/v2", KEY, RateLimit.defaults()));
    TeamBudget second = TeamBudget.join(vertx, "configured", settings("https://p/scim/v2", KEY, configured(20, 10, 2)));
    TeamBudget third = TeamBudget.join(vertx, "defaults-too", settings("https://p/scim/v2", KEY, RateLimit.defaults()));

    assertSame(first, second);
    assertSame(first, third);
    assertEquals(10, first.writes().limit());
    assertEquals(20, first.reads().limit());
    assertEquals(Duration.ofSeconds(2), first.window());
  }

  @Test
  void twoConfiguredBudgetsForOneTeamAreAConfigurationError() {
    TeamBudget.join(vertx, "acme", settings("https://p/scim/v2", KEY, configured(300, 180, 60)));

    InvalidConfigException error = assertThrows(InvalidConfigException.class,
        () -> TeamBudget.join(vertx, "globex", settings("https://p/scim/v2", KEY, configured(300, 100, 60))));

    assertTrue(error.getMessage().startsWith("tenants.globex.postman.rateLimit: tenant globex uses the same Postman team"),
        error.getMessage());
    assertTrue(error.getMessage().contains("acme"), error.getMessage());
    assertFalse(error.getMessage().contains(KEY), error.getMessage());
  }

  @Test
  void theLastTenantToLeaveFreesTheTeam() {
    TeamBudget a = TeamBudget.join(vertx, "a", settings("https://p/scim/v2", KEY, RateLimit.defaults()));
    TeamBudget b = TeamBudget.join(vertx, "b", settings("https://p/scim/v2", KEY, RateLimit.defaults()));
    a.leave("a");
    assertSame(b, TeamBudget.join(vertx, "c", settings("https://p/scim/v2", KEY, RateLimit.defaults())));
    b.leave("b");
    b.leave("c");

    assertNotSame(a, TeamBudget.join(vertx, "d", settings("https://p/scim/v2", KEY, RateLimit.defaults())));
  }

  @Test
  void theTeamIdIsAHashNotTheKey() {
    String id = TeamBudget.teamId(settings("https://p/scim/v2", KEY, RateLimit.defaults()));

    assertEquals(64, id.length());
    assertFalse(id.contains(KEY));
    assertFalse(TeamBudget.join(vertx, "a", settings("https://p/scim/v2", KEY, RateLimit.defaults())).toString().contains(KEY));
  }
}
