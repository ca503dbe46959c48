package dev.scimgateway.core.config;

import dev.scimgateway.core.observability.AsyncLogAppender;
import dev.scimgateway.core.observability.LogFormat;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * How the gateway is operated: its log format, where {@code /health}, {@code /ready} and
 * {@code /metrics} are served, and what readiness checks.
 *
 * @param logFormat request and audit lines as text or JSON
 * @param logBufferLines how many request and audit lines wait for standard output before request lines are dropped
 * @param managementPort a separate port for the operational endpoints; empty serves them on the SCIM port
 * @param managementHost the address the management port binds
 * @param probeUpstream whether {@code /ready} asks each tenant's upstream
 * @param probeTimeout how long {@code /ready} waits for an upstream
 * @param vertxHttpMetrics whether Vert.x's own per-request HTTP meters ({@code vertx_http_*}) are kept; the
 *     gateway's {@code scim_gateway_requests_seconds} and {@code scim_gateway_upstream_requests_seconds} count the
 *     same requests
 */
public record OperationsConfig(
    LogFormat logFormat, int logBufferLines, OptionalInt managementPort, String managementHost, boolean probeUpstream, Duration probeTimeout,
    boolean vertxHttpMetrics) {

  public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(2);

  public static OperationsConfig defaults() {
    return new OperationsConfig(LogFormat.TEXT, AsyncLogAppender.DEFAULT_BUFFER_LINES, OptionalInt.empty(), ServerConfig.DEFAULT_HOST, false, DEFAULT_PROBE_TIMEOUT, false);
  }
}
