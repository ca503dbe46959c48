package dev.scimgateway.adapter.support.telemetry;

import dev.scimgateway.adapter.api.AdapterTelemetry;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.adapter.support.budget.BudgetLane;
import dev.scimgateway.adapter.support.budget.TeamBudget;
import dev.scimgateway.adapter.support.upstream.UpstreamCall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What one tenant's upstream client reports: every attempt upstream (through the gateway's
 * telemetry), time spent waiting for the team's budget, refusals, the upstream's own 429s, translated
 * errors, and gauges of the team's budget lanes. The meter names are the gateway's
 * ({@code scim.gateway.budget.*}, {@code scim.gateway.upstream.*}) whatever the upstream; meters carry
 * the telemetry's tags and {@code team}, and all but the gauges {@code kind} ({@code reads}/{@code writes}).
 */
public final class UpstreamMetrics {

  private final AdapterTelemetry telemetry;
  private final String upstream;
  private final Function<UpstreamCall, String> operation;
  private final Tags tags;
  private final Map<String, Timer> waitTimers = new ConcurrentHashMap<>();
  /** Operation names by method and path template, made once: built and hashed anew, they cost more than this look-up. */
  private final Map<HttpMethod, Map<String, String>> operationNames = new ConcurrentHashMap<>();

  /**
   * Registers the gauges of {@code team}'s budget lanes.
   *
   * @param upstream the upstream's name in meter descriptions, e.g. {@code Postman}
   * @param operation a call's low-cardinality name, e.g. {@code GET /Users/{id}}: never an id
   */
  public UpstreamMetrics(AdapterTelemetry telemetry, TeamBudget team, String upstream,
      Function<UpstreamCall, String> operation) {
    this.telemetry = telemetry;
    this.upstream = upstream;
    this.operation = Objects.requireNonNull(operation, "operation");
    this.tags = Tags.of(telemetry.tags()).and("team", team.id());
    // The lanes belong to the team, shared by its tenants: one gauge per team, not per tenant.
    Tags teamTags = Tags.of("team", team.id());
    for (Tag tag : telemetry.tags()) {
      if (!tag.getKey().equals("tenant")) {
        teamTags = teamTags.and(tag);
      }
    }
    for (boolean write : new boolean[] {false, true}) {
      BudgetLane lane = team.lane(write);
      Tags laneTags = teamTags.and("kind", kind(write));
      Gauge.builder("scim.gateway.budget.permits.available", lane, BudgetLane::available)
          .description("Requests the team's budget would let go now without waiting")
          .tags(laneTags).register(telemetry.registry());
      Gauge.builder("scim.gateway.budget.queue.depth", lane, BudgetLane::queued)
          .description("Requests waiting for the team's budget")
          .tags(laneTags).register(telemetry.registry());
    }
    if (team.redis().isPresent()) {
      Tags gatewayTags = Tags.empty();
      for (Tag tag : teamTags) {
        if (!tag.getKey().equals("team")) {
          gatewayTags = gatewayTags.and(tag);
        }
      }
      Gauge.builder("scim.gateway.cluster.redis.up", team.redis().get(), redis -> redis.isUp() ? 1 : 0)
          .description("Whether this replica reaches the Redis its budgets are shared through (1) or not (0)")
          .tags(gatewayTags).register(telemetry.registry());
      Gauge.builder("scim.gateway.budget.shared", team, budget -> budget.shared().orElse(false) ? 1 : 0)
          .description("Whether the team's budget is shared by the replicas (1) or this replica keeps to its own share (0)")
          .tags(teamTags).register(telemetry.registry());
    }
  }

  /**
   * One attempt sent upstream, ended.
   *
   * @param status the HTTP status, or 0 when no answer came
   * @param retry whether it repeated an earlier attempt
   */
  public void attempt(UpstreamCall call, int status, Duration latency, boolean retry) {
    telemetry.upstreamCall(operationName(call), status, latency, retry);
  }

  private String operationName(UpstreamCall call) {
    return operationNames.computeIfAbsent(call.method(), method -> new ConcurrentHashMap<>())
        .computeIfAbsent(operation.apply(call), template -> call.method() + " " + template);
  }

  /** How long an attempt waited for its slot in the team's budget. */
  public void waited(UpstreamCall call, Duration wait) {
    // Registered on first use and kept: a registry look-up on every call costs a measurable share of a request.
    waitTimers.computeIfAbsent(kind(call.isWrite()), kind -> Timer.builder("scim.gateway.budget.wait")
            .description("Time requests waited for the team's budget")
            .tags(tags.and("kind", kind))
            .register(telemetry.registry()))
        .record(wait);
  }

  /** The team's budget refused an attempt (queue full or wait bound reached). */
  public void refused(UpstreamCall call) {
    counter("scim.gateway.budget.rejected", "Requests refused with 429 because the budget's queue or wait bound was reached", call);
  }

  /** The upstream answered 429. */
  public void upstreamRateLimited(UpstreamCall call) {
    counter("scim.gateway.upstream.rate.limited", "429 answers from " + upstream + ", absorbed or not", call);
  }

  /** An upstream error with {@code upstreamStatus} was translated into {@code error} for the IdP. */
  public void translated(int upstreamStatus, ScimFailure error) {
    Counter.builder("scim.gateway.upstream.errors")
        .description("Upstream errors translated for the IdP, by upstream status and the status and scimType sent")
        .tags(tags.and("upstream_status", String.valueOf(upstreamStatus), "status", String.valueOf(error.status()),
            "scim_type", error.scimType().map(type -> type.wireName()).orElse("none")))
        .register(telemetry.registry())
        .increment();
  }

  private void counter(String name, String description, UpstreamCall call) {
    Counter.builder(name).description(description)
        .tags(tags.and("kind", kind(call.isWrite())))
        .register(telemetry.registry())
        .increment();
  }

  private static String kind(boolean write) {
    return write ? "writes" : "reads";
  }
}
