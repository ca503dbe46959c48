package dev.scimgateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Accepts the {@code Authorization} header when it is the raw SCIM API key (as in Postman's collections) or
 * {@code Bearer <key>} (as Entra and OneLogin send it; the scheme name is case-insensitive). Compares in constant
 * time and never exposes the key.
 */
final class ApiKeyCheck {

  private static final String BEARER = "bearer ";

  private final byte[] key;

  ApiKeyCheck(String apiKey) {
    this.key = apiKey.getBytes(StandardCharsets.UTF_8);
  }

  boolean accepts(String authorization) {
    if (authorization == null || authorization.isEmpty()) {
      return false;
    }
    String candidate = authorization;
    if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      candidate = authorization.substring(BEARER.length());
    }
    return matches(candidate) || matches(authorization);
  }

  private boolean matches(String candidate) {
    return MessageDigest.isEqual(key, candidate.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "ApiKeyCheck[***]";
  }
}
