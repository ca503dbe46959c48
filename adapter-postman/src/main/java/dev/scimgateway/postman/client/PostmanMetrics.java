package dev.scimgateway.postman.client;

import dev.scimgateway.adapter.api.AdapterTelemetry;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.adapter.support.budget.RequestBudget;
import dev.scimgateway.adapter.support.budget.TeamBudget;
import dev.scimgateway.adapter.support.upstream.UpstreamCall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one tenant's Postman client reports: every attempt upstream (through the gateway's
 * telemetry), time spent waiting for the team's budget, refusals, Postman's own 429s, translated
 * errors, and gauges of the team's budget lanes.
 */
final class PostmanMetrics {

  private final AdapterTelemetry telemetry;
  private final Tags tags;
  private final Map<String, Timer> waitTimers = new ConcurrentHashMap<>();

  PostmanMetrics(AdapterTelemetry telemetry, TeamBudget team) {
    this.telemetry = telemetry;
    this.tags = Tags.of(telemetry.tags()).and("team", team.id());
    // The lanes belong to the team, shared by its tenants: one gauge per team, not per tenant.
    Tags teamTags = Tags.of("team", team.id());
    for (Tag tag : telemetry.tags()) {
      if (!tag.getKey().equals("tenant")) {
        teamTags = teamTags.and(tag);
      }
    }
    for (boolean write : new boolean[] {false, true}) {
      RequestBudget lane = team.lane(write);
      Tags laneTags = teamTags.and("kind", write ? "writes" : "reads");
      Gauge.builder("scim.gateway.budget.permits.available", lane, RequestBudget::available)
          .description("Requests the team's budget would let go now without waiting")
          .tags(laneTags).register(telemetry.registry());
      Gauge.builder("scim.gateway.budget.queue.depth", lane, RequestBudget::queued)
          .description("Requests waiting for the team's budget")
          .tags(laneTags).register(telemetry.registry());
    }
  }

  void attempt(UpstreamCall call, int status, Duration latency, boolean retry) {
    telemetry.upstreamCall(call.method() + " " + PostmanErrorTranslator.pathTemplate(call), status, latency, retry);
  }

  void waited(UpstreamCall call, Duration wait) {
    // Registered on first use and kept: a registry look-up on every call costs a measurable share of a request.
    waitTimers.computeIfAbsent(call.isWrite() ? "writes" : "reads", kind -> Timer.builder("scim.gateway.budget.wait")
            .description("Time requests waited for the team's budget")
            .tags(tags.and("kind", kind))
            .register(telemetry.registry()))
        .record(wait);
  }

  void refused(UpstreamCall call) {
    counter("scim.gateway.budget.rejected", "Requests refused with 429 because the budget's queue or wait bound was reached", call);
  }

  void upstreamRateLimited(UpstreamCall call) {
    counter("scim.gateway.upstream.rate.limited", "429 answers from Postman, absorbed or not", call);
  }

  void translated(int upstreamStatus, ScimFailure error) {
    Counter.builder("scim.gateway.upstream.errors")
        .description("Upstream errors translated for the IdP, by upstream status and the status and scimType sent")
        .tags(tags.and("upstream_status", String.valueOf(upstreamStatus), "status", String.valueOf(error.status()),
            "scim_type", error.scimType().map(type -> type.wireName()).orElse("none")))
        .register(telemetry.registry())
        .increment();
  }

  private void counter(String name, String description, UpstreamCall call) {
    Counter.builder(name).description(description)
        .tags(tags.and("kind", call.isWrite() ? "writes" : "reads"))
        .register(telemetry.registry())
        .increment();
  }
}
