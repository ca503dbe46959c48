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
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "BearerToken[redacted]";
  }
}
