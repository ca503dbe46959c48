package dev.scimgateway.core.server;

import dev.scimgateway.adapter.api.InvalidConfigException;
import dev.scimgateway.core.config.TlsConfig;
import dev.scimgateway.core.observability.RateLimitedLog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.lang.System.Logger.Level;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Set;

/**
 * The SCIM port's certificate and key, read from PEM files, offered with TLS 1.2 and 1.3 only, and
 * re-read every {@code reloadInterval}: changed files are served to new connections without a restart
 * (connections already open keep theirs). Files are read through Vert.x's file system, never on the
 * event loop; a reload that fails (a file half-written, a key that does not fit) keeps the current
 * certificate and is retried at the next check.
 */
final class TlsCertificate {

  static final Set<String> PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");
  private static final RateLimitedLog LOG = RateLimitedLog.of(TlsCertificate.class);

  private final Vertx vertx;
  private final TlsConfig config;
  /** Replaced by the reload timer's loop, read by whichever loop starts a server or stops the checks. */
  private volatile PemKeyCertOptions current;
  private volatile byte[] currentHash;
  private volatile long timer = -1;

  private TlsCertificate(Vertx vertx, TlsConfig config, PemKeyCertOptions current, byte[] currentHash) {
    this.vertx = vertx;
    this.config = config;
    this.current = current;
    this.currentHash = currentHash;
  }

  /** Reads both files; fails with an {@link InvalidConfigException} naming the one that cannot be read. */
  static Future<TlsCertificate> load(Vertx vertx, TlsConfig config) {
    return read(vertx, config)
        .map(files -> new TlsCertificate(vertx, config, files.keyCert(), files.hash()));
  }

  /** Options serving this certificate over TLS 1.2 and 1.3. */
  HttpServerOptions applyTo(HttpServerOptions options) {
    return options.setSsl(true).setKeyCertOptions(current).setEnabledSecureTransportProtocols(PROTOCOLS);
  }

  /**
   * Starts checking the files for {@code server}: one of the instances that share the port, since Vert.x
   * updates the certificate of the socket they share.
   */
  void watch(HttpServer server) {
    timer = vertx.setPeriodic(config.reloadInterval().toMillis(), tick -> reload(server));
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private void reload(HttpServer server) {
    read(vertx, config)
        .compose(files -> Arrays.equals(files.hash(), currentHash)
            ? Future.succeededFuture(false)
            : server.updateSSLOptions(new ServerSSLOptions()
                    .setKeyCertOptions(files.keyCert())
                    .setEnabledSecureTransportProtocols(PROTOCOLS), true)
                .onSuccess(updated -> {
                  current = files.keyCert();
                  currentHash = files.hash();
                  LOG.log(Level.INFO, "tls.reloaded", "TLS certificate reloaded from " + config.certFile());
                }))
        .onFailure(failure -> LOG.log(Level.WARNING, "tls.reload",
            "TLS certificate not reloaded, the current one is kept: " + describe(failure)));
  }

  private static String describe(Throwable failure) {
    return failure instanceof InvalidConfigException ? failure.getMessage() : failure.getClass().getSimpleName();
  }

  private record Files(PemKeyCertOptions keyCert, byte[] hash) {}

  /** The certificate file, then the key file: a problem with both names the certificate, always. */
  private static Future<Files> read(Vertx vertx, TlsConfig config) {
    return readFile(vertx, config.certFile().toString(), "server.tls.certFile")
        .compose(cert -> readFile(vertx, config.keyFile().toString(), "server.tls.keyFile")
            .map(key -> new Files(new PemKeyCertOptions().setCertValue(cert).setKeyValue(key), hash(cert, key))));
  }

  private static Future<Buffer> readFile(Vertx vertx, String file, String key) {
    return vertx.fileSystem().readFile(file).recover(failure -> {
      Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
      String problem = cause instanceof java.nio.file.NoSuchFileException ? "does not exist"
          : cause instanceof java.nio.file.AccessDeniedException ? "may not be read by the gateway"
          : "cannot be read";
      return Future.failedFuture(new InvalidConfigException(key + ": " + file + " " + problem));
    });
  }

  private static byte[] hash(Buffer cert, Buffer key) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(cert.getBytes());
      digest.update(key.getBytes());
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
