package dev.scimgateway.adapter.api;

/**
 * A configuration value is missing or invalid. The message is one line that names the offending key,
 * e.g. {@code tenants.acme.postman.apiKey: is required}; it never contains a secret. The gateway prints
 * it and refuses to start.
 */
public class InvalidConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String message) {
    super(message);
  }
}
