package dev.scimgateway.adapter.api;

/** The {@code scimType} values of RFC 7644 §3.12, with their wire names. */
public enum ScimErrorType {
  INVALID_FILTER("invalidFilter"),
  TOO_MANY("tooMany"),
  UNIQUENESS("uniqueness"),
  MUTABILITY("mutability"),
  INVALID_SYNTAX("invalidSyntax"),
  INVALID_PATH("invalidPath"),
  NO_TARGET("noTarget"),
  INVALID_VALUE("invalidValue"),
  INVALID_VERS("invalidVers"),
  SENSITIVE("sensitive");

  private final String wireName;

  ScimErrorType(String wireName) {
    this.wireName = wireName;
  }

  /** The value of the error's {@code scimType} attribute, e.g. {@code invalidFilter}. */
  public String wireName() {
    return wireName;
  }
}
