package dev.scimgateway.core.observability;

import java.util.Map;

/** Writes typed lines ({@code request}, {@code audit}) in the configured format to a sink. */
public final class StructuredLog {

  private final LogFormat format;
  private final LogSink sink;

  public StructuredLog(LogFormat format, LogSink sink) {
    this.format = format;
    this.sink = sink;
  }

  public void write(String type, Map<String, Object> fields) {
    sink.accept(format.format(type, fields));
  }
}
