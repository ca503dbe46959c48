package dev.scimgateway.core.server;

import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.core.protocol.ScimErrors;

/** The SCIM errors for requests the HTTP layer refuses before any SCIM handler sees them. */
final class HttpLayerErrors {

  static final ScimFailure MALFORMED_URI = ScimFailure.badRequest(null,
      "The request URI is malformed (check its percent-encoding: '%' must be followed by two hexadecimal digits).");
  static final ScimFailure MALFORMED_QUERY = ScimFailure.badRequest(ScimErrorType.INVALID_SYNTAX,
      "The query string is malformed (check its percent-encoding: '%' must be followed by two hexadecimal digits).");
  static final ScimFailure BAD_HOST = ScimFailure.badRequest(null,
      "The request needs one Host header of the form host[:port].");
  static final ScimFailure BAD_FRAMING = ScimFailure.badRequest(null,
      "Transfer-Encoding must be 'chunked' alone; the connection is closed.");
  static final ScimFailure MALFORMED_REQUEST = ScimFailure.badRequest(null,
      "The HTTP request is malformed; the connection is closed.");
  static final ScimFailure UNKNOWN_VERSION = ScimFailure.badRequest(null,
      "Only HTTP/1.1 and HTTP/1.0 are served; the connection is closed.");
  static final ScimFailure URI_TOO_LONG = new ScimFailure(414, null, "The request URI is too long.");
  static final ScimFailure HEADERS_TOO_LARGE = new ScimFailure(431, null, "The request headers are too large.");

  private HttpLayerErrors() {}

  /** A client error (4xx) that Vert.x Web produced for a request it could not route. */
  static ScimFailure clientError(int status) {
    return status == 400 ? MALFORMED_URI : ScimErrors.forStatus(status);
  }
}
