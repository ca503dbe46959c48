package dev.scimgateway.adapter.api;

import java.util.Optional;

/**
 * A failure that the gateway answers with an RFC 7644 §3.12 error: the HTTP status, an optional
 * {@code scimType} and a {@code detail} the IdP's administrator can act on. The detail must not
 * contain secrets.
 *
 * <p>Adapters fail their futures with it to say exactly what the IdP should see, e.g.
 * {@code ScimFailure.notFound("User 2819c223 not found")}. Each status the gateway produces has a factory;
 * the constructors are for statuses an upstream chose.
 */
public class ScimFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient ScimErrorType scimType;
  private final Integer retryAfterSeconds;

  public ScimFailure(int status, ScimErrorType scimType, String detail) {
    this(status, scimType, detail, null);
  }

  /**
   * @param retryAfterSeconds sent as {@code Retry-After} (with 429 and 503), or {@code null}
   */
  public ScimFailure(int status, ScimErrorType scimType, String detail, Integer retryAfterSeconds) {
    super(detail, null, false, false);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("not an error status: " + status);
    }
    this.status = status;
    this.scimType = scimType;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** 400 with a {@code scimType}. */
  public static ScimFailure badRequest(ScimErrorType scimType, String detail) {
    return new ScimFailure(400, scimType, detail);
  }

  /** 404: the resource or endpoint does not exist. */
  public static ScimFailure notFound(String detail) {
    return new ScimFailure(404, null, detail);
  }

  /** 409 {@code uniqueness}: the resource already exists. */
  public static ScimFailure conflict(String detail) {
    return new ScimFailure(409, ScimErrorType.UNIQUENESS, detail);
  }

  /** 502: the upstream failed or answered something the gateway cannot use. */
  public static ScimFailure badGateway(String detail) {
    return new ScimFailure(502, null, detail);
  }

  /** 429 with a {@code Retry-After}. */
  public static ScimFailure tooManyRequests(String detail, int retryAfterSeconds) {
    return new ScimFailure(429, null, detail, retryAfterSeconds);
  }

  /** 401: no valid credentials. */
  public static ScimFailure unauthorized(String detail) {
    return new ScimFailure(401, null, detail);
  }

  /** 405: the endpoint exists but not with this method. */
  public static ScimFailure methodNotAllowed(String detail) {
    return new ScimFailure(405, null, detail);
  }

  /** 413: the request is larger than the gateway takes; {@code tooMany} when it has too many operations. */
  public static ScimFailure payloadTooLarge(ScimErrorType scimType, String detail) {
    return new ScimFailure(413, scimType, detail);
  }

  /** 415: the body is not JSON. */
  public static ScimFailure unsupportedMediaType(String detail) {
    return new ScimFailure(415, null, detail);
  }

  /** 500: the gateway itself failed; the detail must reveal nothing of its internals. */
  public static ScimFailure internal(String detail) {
    return new ScimFailure(500, null, detail);
  }

  /** 501: the upstream does not offer this operation. */
  public static ScimFailure notImplemented(String detail) {
    return new ScimFailure(501, null, detail);
  }

  /** 503 with a {@code Retry-After}: try again later (shutting down, timed out, upstream unavailable). */
  public static ScimFailure unavailable(String detail, int retryAfterSeconds) {
    return new ScimFailure(503, null, detail, retryAfterSeconds);
  }

  public int status() {
    return status;
  }

  public Optional<ScimErrorType> scimType() {
    return Optional.ofNullable(scimType);
  }

  public String detail() {
    return getMessage();
  }

  public Optional<Integer> retryAfterSeconds() {
    return Optional.ofNullable(retryAfterSeconds);
  }
}
