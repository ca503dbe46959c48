package dev.scimgateway.core.observability;

import dev.scimgateway.adapter.api.AdapterTelemetry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;

/** Metrics, request and audit logs of one gateway. */
public final class Observability {

  private final GatewayMetrics metrics;
  private final StructuredLog log;

  public Observability(GatewayMetrics metrics, StructuredLog log) {
    this.metrics = metrics;
    this.log = log;
  }

  /** Fresh metrics and text lines on standard output, written through an {@link AsyncLogAppender}. */
  public static Observability standard() {
    GatewayMetrics metrics = GatewayMetrics.create();
    return new Observability(metrics, new StructuredLog(LogFormat.TEXT,
        AsyncLogAppender.stdout(AsyncLogAppender.DEFAULT_BUFFER_LINES, metrics.registry())));
  }

  public GatewayMetrics metrics() {
    return metrics;
  }

  public StructuredLog log() {
    return log;
  }

  /** Completes, on the caller's context if it has one, once every line written so far is out of the log's buffer. */
  public Future<Void> flushLog() {
    Context context = Vertx.currentContext();
    CompletionStage<Void> flushed = log.flush();
    return context == null ? Future.fromCompletionStage(flushed) : Future.fromCompletionStage(flushed, context);
  }

  public AdapterTelemetry telemetryFor(String tenant, String adapter) {
    return metrics.telemetry(tenant, adapter);
  }
}
