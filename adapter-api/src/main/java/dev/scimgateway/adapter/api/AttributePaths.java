package dev.scimgateway.adapter.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Attribute paths as the SPI spells them (RFC 7644 §3.10, without value filters): {@code userName},
 * {@code name.givenName}, and an extension schema's attributes behind the schema's URN, e.g.
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}, whose values sit in the
 * resource under a top-level field named by the URN. Names compare ignoring case (RFC 7643 §2.1). A URN
 * contains dots ({@code 2.0}), so a path is never split on dots alone: ask {@link #segments}.
 */
public final class AttributePaths {

  private AttributePaths() {}

  /**
   * The field names from the resource down to the attribute at {@code path}: {@code [name, givenName]},
   * {@code [urn:…:enterprise:2.0:User, manager, value]}. {@code path} names an attribute, not a schema alone.
   */
  public static List<String> segments(String path) {
    int urnEnd = isSchemaUrn(path) ? path.lastIndexOf(':') : -1;
    if (urnEnd < 0) {
      return path.indexOf('.') < 0 ? List.of(path) : List.of(path.split("\\."));
    }
    List<String> segments = new ArrayList<>();
    segments.add(path.substring(0, urnEnd));
    Collections.addAll(segments, path.substring(urnEnd + 1).split("\\."));
    return segments;
  }

  /** The top-level field that holds the attribute at {@code path}: {@code name}, or an extension's URN. */
  public static String topLevel(String path) {
    return segments(path).get(0);
  }

  /**
   * The prefix of the paths of the fields inside the field {@code name} of an object whose own fields' paths
   * start with {@code prefix} ({@code ""} for the resource): {@code name.} for {@code name}, and the URN and a
   * colon for an extension's object at the top.
   */
  public static String prefixWithin(String prefix, String name) {
    return prefix.isEmpty() && isSchemaUrn(name) ? name + ":" : prefix + name + ".";
  }

  /**
   * Whether the two paths name the same attribute or one lies within the other, ignoring case:
   * {@code name} and {@code name.givenName}, or an extension's URN and {@code urn:…:User:department}.
   */
  public static boolean overlap(String a, String b) {
    return a.equalsIgnoreCase(b) || within(a, b) || within(b, a);
  }

  /** Whether a top-level field of this name holds an extension schema's attributes: it is a URN. */
  public static boolean isSchemaUrn(String name) {
    return name.regionMatches(true, 0, "urn:", 0, 4);
  }

  private static boolean within(String outer, String inner) {
    if (inner.length() <= outer.length() + 1 || !inner.regionMatches(true, 0, outer, 0, outer.length())) {
      return false;
    }
    char separator = inner.charAt(outer.length());
    return separator == '.' || separator == ':' && isSchemaUrn(outer);
  }
}
