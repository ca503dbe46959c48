package dev.scimgateway.adapter.api;

import java.util.Optional;

/**
 * A failure that the gateway answers with an RFC 7644 §3.12 error: the HTTP status, an optional
 * {@code scimType} and a {@code detail} the IdP's administrator can act on. The detail must not
 * contain secrets.
 *
 * <p>Adapters fail their futures with it to say exactly what the IdP should see, e.g.
 * {@code ScimException.notFound("User 2819c223 not found")}.
 */
public class ScimException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient ScimErrorType scimType;
  private final Integer retryAfterSeconds;

  public ScimException(int status, ScimErrorType scimType, String detail) {
    this(status, scimType, detail, null);
  }

  /**
   * @param retryAfterSeconds sent as {@code Retry-After} (with 429 and 503), or {@code null}
   */
  public ScimException(int status, ScimErrorType scimType, String detail, Integer retryAfterSeconds) {
    super(detail, null, false, false);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("not an error status: " + status);
    }
    this.status = status;
    this.scimType = scimType;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** 400 with a {@code scimType}. */
  public static ScimException badRequest(ScimErrorType scimType, String detail) {
    return new ScimException(400, scimType, detail);
  }

  /** 404: the resource or endpoint does not exist. */
  public static ScimException notFound(String detail) {
    return new ScimException(404, null, detail);
  }

  /** 409 {@code uniqueness}: the resource already exists. */
  public static ScimException conflict(String detail) {
    return new ScimException(409, ScimErrorType.UNIQUENESS, detail);
  }

  /** 502: the upstream failed or answered something the gateway cannot use. */
  public static ScimException badGateway(String detail) {
    return new ScimException(502, null, detail);
  }

  /** 429 with a {@code Retry-After}. */
  public static ScimException tooManyRequests(String detail, int retryAfterSeconds) {
    return new ScimException(429, null, detail, retryAfterSeconds);
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
