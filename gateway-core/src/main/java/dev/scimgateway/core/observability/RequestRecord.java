package dev.scimgateway.core.observability;

import java.util.concurrent.atomic.AtomicInteger;

/** What the gateway notes about one IdP request while it is served. */
public final class RequestRecord {

  private final String requestId;
  private final long startNanos = System.nanoTime();
  private final AtomicInteger upstreamCalls = new AtomicInteger();

  RequestRecord(String requestId) {
    this.requestId = requestId;
  }

  public String requestId() {
    return requestId;
  }

  long startNanos() {
    return startNanos;
  }

  void countUpstreamCall() {
    upstreamCalls.incrementAndGet();
  }

  int upstreamCalls() {
    return upstreamCalls.get();
  }
}
