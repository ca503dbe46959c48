package dev.scimgateway.core.protocol;

import java.util.Locale;

/** Attribute paths qualified with a core schema's URN (RFC 7644 §3.10). */
public final class CoreSchema {

  private static final String PREFIX = "urn:ietf:params:scim:schemas:core:2.0:";

  private CoreSchema() {}

  /** Whether {@code urn} is a core schema's, e.g. {@code urn:ietf:params:scim:schemas:core:2.0:User}. */
  public static boolean isCoreUrn(String urn) {
    return urn.toLowerCase(Locale.ROOT).startsWith(PREFIX);
  }

  /**
   * The path without a core schema's URN: {@code urn:ietf:params:scim:schemas:core:2.0:User:name.givenName}
   * is {@code name.givenName}. Any other path, an extension's included, is returned as it is.
   */
  public static String unqualified(String path) {
    String trimmed = path.trim();
    if (!isCoreUrn(trimmed)) {
      return trimmed;
    }
    int attributeStart = trimmed.indexOf(':', PREFIX.length()) + 1;
    return attributeStart == 0 || attributeStart == trimmed.length() ? trimmed : trimmed.substring(attributeStart);
  }
}
