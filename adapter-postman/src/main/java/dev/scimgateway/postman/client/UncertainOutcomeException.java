package dev.scimgateway.postman.client;

import dev.scimgateway.adapter.api.ScimFailure;

/**
 * A create (POST) failed in a way that leaves its outcome unknown: a timeout, a dropped connection or
 * a 5xx. Postman may or may not have created the user, so the request is not blindly re-sent; the
 * caller finds out first (see {@code PostmanUsers#create}). Unhandled, it reaches the IdP as the 502
 * it carries.
 */
public final class UncertainOutcomeException extends ScimFailure {

  private static final long serialVersionUID = 1L;

  UncertainOutcomeException(ScimFailure cause) {
    super(cause.status(), cause.scimType().orElse(null), cause.detail());
  }
}
