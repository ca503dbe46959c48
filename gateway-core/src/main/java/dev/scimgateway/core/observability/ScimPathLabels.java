package dev.scimgateway.core.observability;

/**
 * The segments of {@code /scim/v2/{tenant}/{resource}/{item}…} that label a request's line and
 * metrics, read as {@code path.split("/")} would give them (empty segments count, trailing ones do
 * not) without splitting the whole path on every request.
 *
 * @param tenant the tenant segment, possibly empty
 * @param resource the segment below the tenant, or {@code null} when there is none
 * @param item whether there is a segment below the resource
 */
record ScimPathLabels(String tenant, String resource, boolean item) {

  private static final String PREFIX = "/scim/v2/";

  /** The labels of a path below {@code /scim/v2/}, or {@code null} for any other path. */
  static ScimPathLabels of(String path) {
    if (path == null || !path.startsWith(PREFIX) || !hasSegmentFrom(path, PREFIX.length())) {
      return null;
    }
    int tenantEnd = endOfSegment(path, PREFIX.length());
    String tenant = path.substring(PREFIX.length(), tenantEnd);
    if (!hasSegmentFrom(path, tenantEnd)) {
      return new ScimPathLabels(tenant, null, false);
    }
    int resourceEnd = endOfSegment(path, tenantEnd + 1);
    return new ScimPathLabels(tenant, path.substring(tenantEnd + 1, resourceEnd), hasSegmentFrom(path, resourceEnd));
  }

  private static int endOfSegment(String path, int start) {
    int slash = path.indexOf('/', start);
    return slash < 0 ? path.length() : slash;
  }

  /** Whether a non-empty segment starts at or after {@code index}, which split would not drop as trailing. */
  private static boolean hasSegmentFrom(String path, int index) {
    for (int i = index; i < path.length(); i++) {
      if (path.charAt(i) != '/') {
        return true;
      }
    }
    return false;
  }
}
