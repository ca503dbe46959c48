package dev.scimgateway.core.protocol;

import com.unboundid.scim2.common.messages.ErrorResponse;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;

/** Turns failures into RFC 7644 §3.12 error responses ({@code status} as a string). */
public final class ScimErrors {

  private ScimErrors() {}

  /** The error body for a {@link ScimFailure}. */
  public static ErrorResponse toResponse(ScimFailure error) {
    ErrorResponse response = new ErrorResponse(error.status());
    error.scimType().map(ScimErrorType::wireName).ifPresent(response::setScimType);
    response.setDetail(error.detail());
    return response;
  }

  /**
   * Any failure as a {@link ScimFailure}: the SCIM SDK's own exceptions keep their status and type;
   * anything else becomes a 500 whose detail reveals nothing of the internals.
   */
  public static ScimFailure from(Throwable failure) {
    if (failure instanceof ScimFailure scim) {
      return scim;
    }
    if (failure instanceof com.unboundid.scim2.common.exceptions.ScimException sdk) {
      ErrorResponse error = sdk.getScimError();
      ScimErrorType type = error.getScimType() == null ? null : byWireName(error.getScimType());
      int status = error.getStatus() == null ? 400 : error.getStatus();
      return new ScimFailure(status, type, error.getDetail() == null ? sdk.getMessage() : error.getDetail());
    }
    return ScimFailure.internal("The gateway failed to process the request; see its log.");
  }

  /** An error for an HTTP status that Vert.x Web produced itself (no route, body too large…). */
  public static ScimFailure forStatus(int status) {
    return switch (status) {
      case 404 -> ScimFailure.notFound("No SCIM endpoint at this path.");
      case 405 -> ScimFailure.methodNotAllowed("This method is not allowed on this endpoint.");
      case 413 -> ScimFailure.payloadTooLarge(null, "The request body is too large.");
      case 415 -> ScimFailure.unsupportedMediaType("Send application/scim+json or application/json.");
      case 503 -> ScimFailure.unavailable("The request took too long to complete; retry it later.", 30);
      default -> new ScimFailure(status >= 400 && status <= 599 ? status : 500, null,
          "The request could not be processed.");
    };
  }

  private static ScimErrorType byWireName(String wireName) {
    for (ScimErrorType type : ScimErrorType.values()) {
      if (type.wireName().equalsIgnoreCase(wireName)) {
        return type;
      }
    }
    return null;
  }
}
