package dev.scimgateway.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Every {@code java.util.logging} record (the gateway's and Vert.x's diagnostics) while it is installed. */
final class CapturedLogs extends Handler implements AutoCloseable {

  final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger root = Logger.getLogger("");
  private final Level previous = root.getLevel();

  private CapturedLogs() {
    setLevel(Level.ALL);
  }

  static CapturedLogs install() {
    CapturedLogs logs = new CapturedLogs();
    logs.root.addHandler(logs);
    return logs;
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  /** Each record as its message and, when it has one, its stack trace's first line. */
  List<String> lines() {
    return records.stream()
        .map(record -> record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage()
            + (record.getThrown() == null ? "" : " | " + record.getThrown()))
        .toList();
  }

  List<LogRecord> withStackTraces() {
    return records.stream().filter(record -> record.getThrown() != null).toList();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    root.removeHandler(this);
    root.setLevel(previous);
  }
}
