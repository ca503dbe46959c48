package dev.scimgateway.core.observability;

import dev.scimgateway.adapter.api.AdapterTelemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's Prometheus registry and the meters the core records. Names follow Prometheus
 * conventions once exported ({@code scim_gateway_requests_seconds_count}…); tags are low-cardinality:
 * tenant, resource, operation, status — never a user, userName or token.
 */
public final class GatewayMetrics {

  private final PrometheusMeterRegistry registry;
  /**
   * The request timers by tenant, resource and operation, then status, found without asking the registry:
   * a registry look-up builds and sorts the tags and checks for double registration on every call, a
   * measurable share of the gateway's CPU per request (docs/BENCHMARKS.md). The tags are low-cardinality,
   * so the table stays small.
   */
  private final Map<String, Map<String, Map<String, StatusTimers>>> requestTimers = new ConcurrentHashMap<>();

  private GatewayMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** A registry with the JVM's own metrics bound. Pass it to Vert.x too, for its metrics. */
  public static GatewayMetrics create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return new GatewayMetrics(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  void idpRequest(String tenant, String resource, String operation, int status, Duration latency) {
    Map<String, StatusTimers> byOperation = row(row(requestTimers, tenant), resource);
    StatusTimers timers = byOperation.get(operation);
    if (timers == null) {
      timers = byOperation.computeIfAbsent(operation, ignored -> new StatusTimers(code -> Timer.builder("scim.gateway.requests")
          .description("IdP requests served, by tenant, resource, operation and status")
          .tags("tenant", tenant, "resource", resource, "operation", operation, "status", String.valueOf(code))
          .publishPercentileHistogram()
          .register(registry)));
    }
    timers.of(status).record(latency);
  }

  private static <V> Map<String, V> row(Map<String, Map<String, V>> table, String key) {
    Map<String, V> row = table.get(key);
    return row != null ? row : table.computeIfAbsent(key, ignored -> new ConcurrentHashMap<>());
  }

  /** The telemetry handed to one tenant's adapter. */
  AdapterTelemetry telemetry(String tenant, String adapter) {
    Tags tags = Tags.of("tenant", tenant, "adapter", adapter);
    Map<String, StatusTimers> upstreamTimers = new ConcurrentHashMap<>();
    return new AdapterTelemetry() {
      @Override
      public MeterRegistry registry() {
        return registry;
      }

      @Override
      public Iterable<Tag> tags() {
        return tags;
      }

      @Override
      public void upstreamCall(String operation, int status, Duration latency, boolean retry) {
        StatusTimers timers = upstreamTimers.get(operation);
        if (timers == null) {
          timers = upstreamTimers.computeIfAbsent(operation, ignored -> new StatusTimers(code -> Timer.builder("scim.gateway.upstream.requests")
              .description("Requests sent upstream, by tenant, adapter, operation and status (0: no answer)")
              .tags(tags.and("operation", operation, "status", String.valueOf(code)))
              .publishPercentileHistogram()
              .register(registry)));
        }
        timers.of(status).record(latency);
        if (retry) {
          Counter.builder("scim.gateway.upstream.retries")
              .description("Upstream requests that repeated a failed attempt")
              .tags(tags.and("operation", operation))
              .register(registry)
              .increment();
        }
        RequestRecord request = RequestScope.currentRecord();
        if (request != null) {
          request.countUpstreamCall();
        }
      }
    };
  }
}
