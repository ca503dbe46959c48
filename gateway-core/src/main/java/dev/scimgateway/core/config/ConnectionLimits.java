package dev.scimgateway.core.config;

import java.time.Duration;

/**
 * How long a client may keep a connection of the SCIM port busy without sending what it must.
 *
 * @param idleTimeout a connection that neither sends nor receives for this long is closed
 * @param headerReadTimeout a request line and headers not complete this long after the connection
 *     opened (or, kept alive, after the last answer plus {@code idleTimeout}) close the connection
 * @param bodyReadTimeout a request body not complete this long after its headers closes the connection
 */
public record ConnectionLimits(Duration idleTimeout, Duration headerReadTimeout, Duration bodyReadTimeout) {

  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_HEADER_READ_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_BODY_READ_TIMEOUT = Duration.ofSeconds(30);

  public static ConnectionLimits defaults() {
    return new ConnectionLimits(DEFAULT_IDLE_TIMEOUT, DEFAULT_HEADER_READ_TIMEOUT, DEFAULT_BODY_READ_TIMEOUT);
  }
}
