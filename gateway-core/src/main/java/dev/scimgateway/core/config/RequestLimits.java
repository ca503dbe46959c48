package dev.scimgateway.core.config;

/**
 * Bounds on the protocol work one request may ask for, so that no request can monopolise the gateway.
 *
 * @param maxPatchOperations the most operations one PATCH may hold (413 {@code tooMany} beyond)
 * @param maxFilterLength the longest filter, or PATCH path, in characters (400 {@code invalidFilter} or
 *     {@code invalidPath} beyond)
 * @param maxFilterDepth the deepest nesting of parentheses and value filters in a filter or path
 * @param maxValuesExamined the most values applying one PATCH may examine: its operations times the
 *     values of the resource's multi-valued attributes (413 {@code tooMany} beyond); a PATCH above
 *     {@link #INLINE_VALUES_EXAMINED} is applied on a worker thread, off the event loop
 */
public record RequestLimits(int maxPatchOperations, int maxFilterLength, int maxFilterDepth, long maxValuesExamined) {

  public static final int DEFAULT_MAX_PATCH_OPERATIONS = 1000;
  public static final int DEFAULT_MAX_FILTER_LENGTH = 4096;
  public static final int DEFAULT_MAX_FILTER_DEPTH = 16;
  public static final long DEFAULT_MAX_VALUES_EXAMINED = 200_000;

  /**
   * Up to this many values examined, a PATCH is applied on the event loop. The SCIM SDK spends tens of
   * microseconds per value a value filter examines, so this keeps inline work to a few milliseconds.
   */
  public static final long INLINE_VALUES_EXAMINED = 1_000;

  public static RequestLimits defaults() {
    return new RequestLimits(DEFAULT_MAX_PATCH_OPERATIONS, DEFAULT_MAX_FILTER_LENGTH, DEFAULT_MAX_FILTER_DEPTH,
        DEFAULT_MAX_VALUES_EXAMINED);
  }
}
