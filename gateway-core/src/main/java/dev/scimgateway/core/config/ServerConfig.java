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
 */
public record ServerConfig(String host, int port, Duration requestTimeout, long maxBodyBytes, boolean anonymousDiscovery,
    ConnectionLimits connections, Optional<TlsConfig> tls) {

  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8080;
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

  /** Plain HTTP with the default connection limits. */
  public ServerConfig(String host, int port, Duration requestTimeout, long maxBodyBytes, boolean anonymousDiscovery) {
    this(host, port, requestTimeout, maxBodyBytes, anonymousDiscovery, ConnectionLimits.defaults(), Optional.empty());
  }
}
