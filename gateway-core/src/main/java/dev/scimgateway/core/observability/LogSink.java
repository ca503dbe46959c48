package dev.scimgateway.core.observability;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Where request and audit lines go: standard output through an {@link AsyncLogAppender} when the
 * gateway runs, a collector in tests. A plain {@code Consumer<String>} writes every line at once.
 */
@FunctionalInterface
public interface LogSink extends Consumer<String> {

  /** Writes each line at once, on the caller's thread. */
  LogSink STDOUT = line -> {
    synchronized (System.out) {
      System.out.println(line);
    }
  };

  /** Writes a line of {@code kind}; a sink that buffers may drop it when {@link LineKind#droppable()}. */
  default void write(LineKind kind, String line) {
    accept(line);
  }

  /** Completes once every line written before the call is out of the sink's buffer. */
  default CompletionStage<Void> flush() {
    return CompletableFuture.completedFuture(null);
  }
}
