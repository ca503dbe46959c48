package dev.scimgateway.core.config;

import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP server the IdPs call.
 *
 * @param host the address to bind, {@code 0.0.0.0} for all
 * @param port the TCP port; 0 picks a free one (tests)
 * @param requestTimeout how long an IdP request may take before it is answered with a 503 SCIM error
 * @param maxBodyBytes the largest request body accepted (413 beyond it)
 * @param anonymousDiscovery whether the discovery endpoints answer without the tenant's token (RFC
 *     7644 §4 allows it); it lets anyone tell whether a tenant name exists
 * @param connections how long a client may hold a connection without sending
 * @param tls the certificate to serve HTTPS with; empty serves plain HTTP
 * @param eventLoops how many event loops serve the port (and the management port), at least 1
 */
public record ServerConfig(String host, int port, Duration requestTimeout, long maxBodyBytes, boolean anonymousDiscovery,
    ConnectionLimits connections, Optional<TlsConfig> tls, int eventLoops) {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  /** One event loop per core. */
  public static final int DEFAULT_EVENT_LOOPS = Runtime.getRuntime().availableProcessors();

  public ServerConfig {
    if (eventLoops < 1) {
      throw new IllegalArgumentException("eventLoops must be at least 1, got " + eventLoops);
    }
  }

  /** Plain HTTP with the default connection limits, on {@link #DEFAULT_EVENT_LOOPS}. */
  public ServerConfig(String host, int port, Duration requestTimeout, long maxBodyBytes, boolean anonymousDiscovery,
      ConnectionLimits connections, Optional<TlsConfig> tls) {
    this(host, port, requestTimeout, maxBodyBytes, anonymousDiscovery, connections, tls, DEFAULT_EVENT_LOOPS);
  }

  /** Plain HTTP with the default connection limits and event loops. */
  public ServerConfig(String host, int port, Duration requestTimeout, long maxBodyBytes, boolean anonymousDiscovery) {
    this(host, port, requestTimeout, maxBodyBytes, anonymousDiscovery, ConnectionLimits.defaults(), Optional.empty());
  }
}
