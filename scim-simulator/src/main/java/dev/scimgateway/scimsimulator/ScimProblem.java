package dev.scimgateway.scimsimulator;

/** A request the simulator refuses, answered as an RFC 7644 error. */
final class ScimProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final int status;
  final String scimType;

  ScimProblem(int status, String scimType, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.scimType = scimType;
  }

  static ScimProblem notFound(String what) {
    return new ScimProblem(404, null, what + " not found");
  }
}
