package dev.scimgateway.adapter.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * What an adapter tells the gateway about its work upstream. The gateway turns upstream calls into
 * metrics and into the per-request count of its request log; adapters register their own gauges and
 * counters (budget, cache) in {@link #registry()}, tagged with {@link #tags()}.
 *
 * <p>Never put a user id, userName, token or key in a tag: tags must stay low-cardinality and secret-free.
 */
public interface AdapterTelemetry {

  /** Records nothing; for tests and tools that run an adapter outside the gateway. */
  AdapterTelemetry NOOP = new AdapterTelemetry() {
    private final MeterRegistry registry = new SimpleMeterRegistry();

    @Override
    public MeterRegistry registry() {
      return registry;
    }

    @Override
    public Iterable<Tag> tags() {
      return List.of();
    }

    @Override
    public void upstreamCall(String operation, int status, Duration latency, boolean retry) {}
  };

  /** The gateway's registry, exported on {@code /metrics}. */
  MeterRegistry registry();

  /** The tags that identify this adapter instance: {@code tenant} and {@code adapter}. */
  Iterable<Tag> tags();

  /**
   * One request sent upstream, called when it ended, on the thread that handled its answer.
   *
   * @param operation a low-cardinality name such as {@code GET /Users/{id}}
   * @param status the HTTP status, or 0 when no answer came (timeout, connection failure)
   * @param latency how long it took
   * @param retry whether it repeated an earlier attempt
   */
  void upstreamCall(String operation, int status, Duration latency, boolean retry);
}
