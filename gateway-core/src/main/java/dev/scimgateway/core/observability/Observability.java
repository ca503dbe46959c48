package dev.scimgateway.core.observability;

import dev.scimgateway.adapter.api.AdapterTelemetry;

/** Metrics, request and audit logs of one gateway, and the tracking that links adapters' calls to requests. */
public final class Observability {

  private final GatewayMetrics metrics;
  private final StructuredLog log;
  private final RequestTracker tracker = new RequestTracker();

  public Observability(GatewayMetrics metrics, StructuredLog log) {
    this.metrics = metrics;
    this.log = log;
  }

  /** Fresh metrics and text lines on standard output. */
  public static Observability standard() {
    return new Observability(GatewayMetrics.create(), new StructuredLog(LogFormat.TEXT, LogSink.STDOUT));
  }

  public GatewayMetrics metrics() {
    return metrics;
  }

  public StructuredLog log() {
    return log;
  }

  RequestTracker tracker() {
    return tracker;
  }

  public AdapterTelemetry telemetryFor(String tenant, String adapter) {
    return metrics.telemetry(tenant, adapter, tracker);
  }
}
