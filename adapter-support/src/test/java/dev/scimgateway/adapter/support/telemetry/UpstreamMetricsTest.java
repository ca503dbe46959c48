package dev.scimgateway.adapter.support.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.scimgateway.adapter.api.AdapterTelemetry;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.adapter.support.budget.BudgetLimits;
import dev.scimgateway.adapter.support.budget.TeamBudget;
import dev.scimgateway.adapter.support.budget.TeamBudgets;
import dev.scimgateway.adapter.support.budget.TeamKey;
import dev.scimgateway.adapter.support.upstream.UpstreamCall;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The meter names and tags the README, the Grafana dashboard and the end-to-end tests rely on. */
class UpstreamMetricsTest {

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final List<String> calls = new ArrayList<>();
  private final AdapterTelemetry telemetry = new AdapterTelemetry() {
    @Override
    public MeterRegistry registry() {
      return registry;
    }

    @Override
    public Iterable<Tag> tags() {
      return List.of(Tag.of("tenant", "acme"), Tag.of("adapter", "postman"));
    }

    @Override
    public void upstreamCall(String operation, int status, Duration latency, boolean retry) {
      calls.add(operation + " " + status + (retry ? " retry" : ""));
    }
  };

  private Vertx vertx;
  private TeamBudget team;
  private UpstreamMetrics metrics;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    team = new TeamBudgets("Postman", "baseUrl and apiKey").join(vertx, "acme", TeamKey.of("https://p", "key"),
        new BudgetLimits(300, 180, Duration.ofSeconds(60), false), "tenants.acme.postman.rateLimit");
    metrics = new UpstreamMetrics(telemetry, team, "Postman",
        call -> call.path().startsWith("/Users/") ? "/Users/{id}" : call.path());
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void theBudgetGaugesArePerTeamNotPerTenant() {
    assertEquals(300.0, registry.get("scim.gateway.budget.permits.available")
        .tags("team", team.id(), "adapter", "postman", "kind", "reads").gauge().value());
    assertEquals(180.0, registry.get("scim.gateway.budget.permits.available").tags("kind", "writes").gauge().value());
    assertEquals(0.0, registry.get("scim.gateway.budget.queue.depth").tags("kind", "writes").gauge().value());
    assertEquals(0, registry.find("scim.gateway.budget.queue.depth").tag("tenant", "acme").gauges().size());
  }

  @Test
  void attemptsGoToTheGatewaysTelemetryUnderTheirOperation() {
    metrics.attempt(UpstreamCall.get("/Users/abc", Map.of()), 200, Duration.ofMillis(5), false);
    metrics.attempt(UpstreamCall.send(HttpMethod.POST, "/Users", null), 0, Duration.ofMillis(5), true);

    assertEquals(List.of("GET /Users/{id} 200", "POST /Users 0 retry"), calls);
  }

  @Test
  void waitsRefusalsUpstream429sAndTranslatedErrors() {
    UpstreamCall write = UpstreamCall.send(HttpMethod.PATCH, "/Users/abc", null);
    metrics.waited(write, Duration.ofMillis(40));
    metrics.refused(write);
    metrics.upstreamRateLimited(UpstreamCall.get("/Users", Map.of()));
    metrics.translated(409, ScimFailure.conflict("taken"));
    metrics.translated(500, ScimFailure.badGateway("failed"));

    String[] meter = {"tenant", "acme", "adapter", "postman", "team", team.id()};
    assertEquals(1, registry.get("scim.gateway.budget.wait").tags(meter).tags("kind", "writes").timer().count());
    assertEquals(1.0, registry.get("scim.gateway.budget.rejected").tags(meter).tags("kind", "writes").counter().count());
    assertEquals(1.0, registry.get("scim.gateway.upstream.rate.limited").tags(meter).tags("kind", "reads").counter().count());
    assertEquals(1.0, registry.get("scim.gateway.upstream.errors").tags(meter)
        .tags("upstream_status", "409", "status", "409", "scim_type", ScimErrorType.UNIQUENESS.wireName()).counter().count());
    assertNotNull(registry.get("scim.gateway.upstream.errors").tags("upstream_status", "500", "status", "502", "scim_type", "none")
        .counter());
    assertEquals("429 answers from Postman, absorbed or not",
        registry.get("scim.gateway.upstream.rate.limited").counter().getId().getDescription());
  }
}
