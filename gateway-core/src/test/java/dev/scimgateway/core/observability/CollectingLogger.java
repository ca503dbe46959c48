package dev.scimgateway.core.observability;

import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A logger that keeps the messages it is given, at every level, for tests to read. */
final class CollectingLogger implements System.Logger {

  private final List<String> messages = new CopyOnWriteArrayList<>();

  List<String> messages() {
    return messages;
  }

  @Override
  public String getName() {
    return "test";
  }

  @Override
  public boolean isLoggable(Level level) {
    return true;
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
    messages.add(message);
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    messages.add(format);
  }
}
