package dev.scimgateway.adapter.support.budget;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which upstream team a tenant uses, without its secret: a SHA-256 of the base URL and the credential.
 * Tenants with the same base URL and credential are one team and share one {@link TeamBudget}.
 *
 * @param sha256 64 lower-case hex digits
 */
public record TeamKey(String sha256) {

  public TeamKey {
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256 in hex");
    }
  }

  /**
   * The team of {@code baseUrl} and {@code credential}; give the base URL in one form (e.g. without a
   * trailing slash) so that one team has one key.
   */
  public static TeamKey of(String baseUrl, String credential) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(baseUrl.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      sha256.update(credential.getBytes(StandardCharsets.UTF_8));
      return new TeamKey(HexFormat.of().formatHex(sha256.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** A short, non-secret name of the team for metrics and logs: the first 12 hex digits. */
  public String shortId() {
    return sha256.substring(0, 12);
  }
}
