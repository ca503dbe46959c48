package dev.scimgateway.adapter.support.upstream;

import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.adapter.support.budget.RequestBudget;

/**
 * An upstream's way of telling the IdP what went wrong, for {@link UpstreamClient}: each adapter
 * implements it with its upstream's error table (Postman's detail texts, a SCIM upstream's
 * {@code scimType}s). Details must never contain a secret.
 */
public interface UpstreamErrors {

  /**
   * The error for an answer that is not 2xx nor 429.
   *
   * @param body the answer's body as text, or {@code null}
   * @param attempts how many attempts the call made, this one included
   */
  ScimFailure translate(UpstreamCall call, int status, String body, int attempts);

  /** The error for an attempt that got no answer (timeout, refused or dropped connection, TLS). */
  ScimFailure connectionFailure(UpstreamCall call, Throwable failure, int attempts);

  /** A 429 from the upstream that the client could not absorb within the call's wait bound. */
  ScimFailure rateLimited(UpstreamCall call, String body, int retryAfterSeconds);

  /** The gateway's own budget refused the call. */
  ScimFailure budgetExceeded(UpstreamCall call, RequestBudget.BudgetExceededException refusal);

  /** The call's low-cardinality name for logs and metrics, e.g. {@code /Users/{id}}: never an id. */
  String pathTemplate(UpstreamCall call);
}
