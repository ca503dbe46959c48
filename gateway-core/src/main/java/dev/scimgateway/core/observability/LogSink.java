package dev.scimgateway.core.observability;

import java.util.function.Consumer;

/** Where request and audit lines go: standard output by default, a collector in tests. */
@FunctionalInterface
public interface LogSink extends Consumer<String> {

  LogSink STDOUT = line -> {
    synchronized (System.out) {
      System.out.println(line);
    }
  };
}
