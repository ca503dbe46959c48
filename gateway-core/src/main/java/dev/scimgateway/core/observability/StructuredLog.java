package dev.scimgateway.core.observability;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Writes typed lines ({@code request}, {@code audit}) in the configured format to a sink. */
public final class StructuredLog {

  private final LogFormat format;
  private final LogSink sink;

  public StructuredLog(LogFormat format, LogSink sink) {
    this.format = format;
    this.sink = sink;
  }

  public void write(LineKind kind, Map<String, Object> fields) {
    sink.write(kind, format.format(kind.label(), fields));
  }

  /** Completes once every line written so far is out of the sink's buffer. */
  public CompletionStage<Void> flush() {
    return sink.flush();
  }
}
