package dev.scimgateway.core.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A secret token kept only as its SHA-256 digest, so that comparing it takes the same time whatever
 * the presented value and its length, and the secret itself is not held in memory longer than needed.
 */
public final class BearerToken {

  private final byte[] digest;

  private BearerToken(byte[] digest) {
    this.digest = digest;
  }

  public static BearerToken of(String secret) {
    return new BearerToken(sha256(secret));
  }

  /** Constant-time comparison with a presented token. */
  public boolean matches(String presented) {
    return MessageDigest.isEqual(digest, sha256(presented == null ? "" : presented));
  }

  static byte[] sha256(String value) {
    return SHA256.get().digest(value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * One digest per thread: every request hashes the presented token once per tenant, and
   * {@code MessageDigest.getInstance} looks the provider up each time. {@code digest} resets it.
   */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  });

  @Override
  public String toString() {
    return "BearerToken[redacted]";
  }
}
