package dev.scimgateway.core.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The secret tokens a tenant accepts (one, or several during a rotation), kept only as their SHA-256
 * digests, so that comparing takes the same time whatever the presented value and its length, and the
 * secrets themselves are not held in memory longer than needed.
 */
public final class BearerToken {

  private final List<byte[]> digests;

  private BearerToken(List<byte[]> digests) {
    this.digests = List.copyOf(digests);
  }

  public static BearerToken of(String secret) {
    return new BearerToken(List.of(sha256(secret)));
  }

  /** Any of {@code secrets}, or of the tokens whose SHA-256 digests are {@code sha256Hex} (64 hex digits each). */
  public static BearerToken anyOf(List<String> secrets, List<String> sha256Hex) {
    List<byte[]> digests = new ArrayList<>();
    secrets.forEach(secret -> digests.add(sha256(secret)));
    sha256Hex.forEach(hex -> digests.add(HexFormat.of().parseHex(hex)));
    if (digests.isEmpty()) {
      throw new IllegalArgumentException("a tenant needs at least one token");
    }
    return new BearerToken(digests);
  }

  /** A token as a request presented it, hashed once however many tenants' tokens it is compared with. */
  public static final class Presented {

    private final byte[] digest;

    private Presented(byte[] digest) {
      this.digest = digest;
    }

    /** {@code token}, or the empty token for none. */
    public static Presented of(String token) {
      return new Presented(sha256(token == null ? "" : token));
    }

    @Override
    public String toString() {
      return "BearerToken.Presented[redacted]";
    }
  }

  /** As {@link #matches(Presented)}. */
  public boolean matches(String presented) {
    return matches(Presented.of(presented));
  }

  /**
   * Constant-time comparison with a presented token: every accepted digest is compared, whichever
   * matches.
   */
  public boolean matches(Presented presented) {
    boolean found = false;
    for (byte[] digest : digests) {
      found |= MessageDigest.isEqual(digest, presented.digest);
    }
    return found;
  }

  static byte[] sha256(String value) {
    return SHA256.get().digest(value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * One digest per thread: every request hashes the presented token, and {@code MessageDigest.getInstance}
   * looks the provider up each time. {@code digest} resets it.
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
