package dev.scimgateway.adapter.support.upstream;

import dev.scimgateway.adapter.api.ScimFailure;
import io.vertx.core.Future;
import java.util.Objects;

/**
 * A request that is not safe to repeat (a create, POST) failed in a way that leaves its outcome
 * unknown: a timeout, a dropped connection or a 5xx. The upstream may or may not have done it, so the
 * request is not blindly re-sent; the adapter finds out first (e.g. looks the user up).
 *
 * <p>An adapter-internal result, deliberately not a {@link ScimFailure}: the gateway answers any other
 * exception with a 500, so an adapter must not let one reach the gateway. When the adapter cannot
 * resolve it, the IdP gets {@link #failure()} (a 502 or 503); {@link #reportedAsScimFailure} does that
 * for a provider's returned future.
 */
public final class UncertainOutcome extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ScimFailure failure;

  /** @param failure what the IdP gets if the outcome stays unknown */
  public UncertainOutcome(ScimFailure failure) {
    super(Objects.requireNonNull(failure, "failure").detail(), null, false, false);
    this.failure = failure;
  }

  /** What the IdP gets if the outcome stays unknown. */
  public ScimFailure failure() {
    return failure;
  }

  /** The detail of {@link #failure()}, for logs and for a failure built on it. */
  public String detail() {
    return failure.detail();
  }

  /**
   * {@code future}, failing with the carried {@link #failure()} instead of an {@link UncertainOutcome}
   * that is still unresolved. Apply it to what a {@code ResourceProvider} returns to the gateway.
   */
  public static <T> Future<T> reportedAsScimFailure(Future<T> future) {
    return future.recover(cause -> Future.failedFuture(cause instanceof UncertainOutcome uncertain ? uncertain.failure() : cause));
  }
}
