package dev.scimgateway.core.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The certificate of the SCIM port: TLS 1.2 and 1.3 only.
 *
 * @param certFile PEM certificate chain, the server's certificate first
 * @param keyFile PEM private key (PKCS#8 or PKCS#1)
 * @param reloadInterval how often both files are checked; changed content is served to new connections
 */
public record TlsConfig(Path certFile, Path keyFile, Duration reloadInterval) {

  public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(60);
}
