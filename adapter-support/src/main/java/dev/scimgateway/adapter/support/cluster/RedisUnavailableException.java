package dev.scimgateway.adapter.support.cluster;

/** Redis did not answer in time or could not be reached; the message names its address, never a secret. */
public final class RedisUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RedisUnavailableException(String address, Throwable cause) {
    super("Redis at " + address + " is unreachable (" + cause.getClass().getSimpleName() + ")", null, false, false);
  }
}
