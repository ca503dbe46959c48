package dev.scimgateway.core.protocol;

/** The media types of RFC 7644 §3.1. */
public final class ScimMediaType {

  /** What the gateway answers with. */
  public static final String SCIM_JSON = "application/scim+json";

  /** What IdPs (Entra ID in particular) often send instead; accepted on requests. */
  public static final String JSON = "application/json";

  private ScimMediaType() {}
}
