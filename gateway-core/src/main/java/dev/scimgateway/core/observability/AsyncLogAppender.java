package dev.scimgateway.core.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes lines to a stream from a thread of its own, so that the threads that make them (event loops)
 * only put them in a bounded buffer and never wait for the stream.
 *
 * <p>When the buffer is full, a {@link LineKind#droppable() droppable} line (a request line) is
 * dropped and counted ({@code scim.gateway.log.dropped}), and the writer reports how many, at most once
 * a minute; any other line (an audit line) is written by the thread that made it, which waits for the
 * stream as if there were no buffer, and counted ({@code scim.gateway.log.synchronous}). So a stalled
 * stream costs request lines, never an audit line.
 *
 * <p>The writer writes in batches into a buffered stream and flushes it whenever the buffer is empty.
 * {@link #flush()} completes once every line written before it is out; {@link #close()} (also run
 * when the JVM exits) writes out what is buffered, and every line written after it is written by its
 * caller. Safe to call from any number of threads.
 */
public final class AsyncLogAppender implements LogSink {

  public static final int DEFAULT_BUFFER_LINES = 8192;

  private static final RateLimitedLog FAILURES = RateLimitedLog.of(AsyncLogAppender.class);
  /** How long the writer lets lines gather after a batch; while it waits, writers need not wake it. */
  private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long REPORT_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();
  private static final int MAX_BATCH = 512;
  private static final Duration EXIT_LIMIT = Duration.ofSeconds(10);

  /** Lines ({@code String}) and the flushes waiting for them ({@link FlushMark}), in order. */
  private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger buffered = new AtomicInteger();
  private final int capacity;
  /** Guarded by itself: the writer and the callers that write at once take turns. */
  private final OutputStream out;
  private final Counter droppedRequests;
  private final Counter synchronousAudits;
  private final AtomicLong unreportedDrops = new AtomicLong();
  private final Thread writer;
  private final Thread exitHook;
  private final System.Logger reports;
  private volatile boolean writerParked;
  private volatile boolean closed;
  /** Only the writer thread reads and writes it. */
  private long lastReportNanos;
  private boolean reportedOnce;

  private record FlushMark(CompletableFuture<Void> done) {}

  private AsyncLogAppender(OutputStream target, int capacity, MeterRegistry registry, System.Logger reports) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a log buffer holds at least one line, not " + capacity);
    }
    this.capacity = capacity;
    this.reports = reports;
    this.out = new BufferedOutputStream(target, 1 << 16);
    this.droppedRequests = Counter.builder("scim.gateway.log.dropped")
        .description("Request lines left out because the log buffer was full")
        .tag("kind", LineKind.REQUEST.label())
        .register(registry);
    this.synchronousAudits = Counter.builder("scim.gateway.log.synchronous")
        .description("Audit lines written by the request's own thread because the log buffer was full")
        .tag("kind", LineKind.AUDIT.label())
        .register(registry);
    this.writer = new Thread(this::writeUntilClosed, "scim-gateway-log-writer");
    this.writer.setDaemon(true);
    this.exitHook = new Thread(this::close, "scim-gateway-log-exit");
  }

  /** An appender to standard output, whose meters are registered in {@code registry}. */
  public static AsyncLogAppender stdout(int bufferLines, MeterRegistry registry) {
    return start(new FileOutputStream(FileDescriptor.out), bufferLines, registry);
  }

  /** An appender to {@code target} that buffers up to {@code bufferLines} lines; its writer runs at once. */
  public static AsyncLogAppender start(OutputStream target, int bufferLines, MeterRegistry registry) {
    return start(target, bufferLines, registry, System.getLogger(AsyncLogAppender.class.getName()));
  }

  /** As {@link #start(OutputStream, int, MeterRegistry)}, reporting dropped lines to {@code reports}. */
  static AsyncLogAppender start(OutputStream target, int bufferLines, MeterRegistry registry, System.Logger reports) {
    AsyncLogAppender appender = new AsyncLogAppender(target, bufferLines, registry, reports);
    appender.writer.start();
    Runtime.getRuntime().addShutdownHook(appender.exitHook);
    return appender;
  }

  /** A line that is never dropped. */
  @Override
  public void accept(String line) {
    write(LineKind.AUDIT, line);
  }

  @Override
  public void write(LineKind kind, String line) {
    if (closed) {
      writeNow(line);
      return;
    }
    if (buffered.getAndIncrement() >= capacity) {
      buffered.decrementAndGet();
      if (kind.droppable()) {
        droppedRequests.increment();
        unreportedDrops.incrementAndGet();
      } else {
        synchronousAudits.increment();
        writeNow(line);
      }
      return;
    }
    enqueue(line);
  }

  @Override
  public CompletionStage<Void> flush() {
    FlushMark mark = new FlushMark(new CompletableFuture<>());
    enqueue(mark);
    return mark.done();
  }

  /**
   * Writes out every buffered line and stops the writer; lines written afterwards are written by their
   * callers. Waits for the stream, so not for an event loop.
   */
  public void close() {
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(exitHook);
    } catch (IllegalStateException exiting) {
      // Closed by the hook itself, or by another one while the JVM exits.
    }
    try {
      flush().toCompletableFuture().get(EXIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      LockSupport.unpark(writer);
      writer.join(EXIT_LIMIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      reports.log(Level.WARNING, "request and audit lines could not all be written out: " + e.getClass().getSimpleName());
    }
  }

  private void enqueue(Object item) {
    queue.add(item);
    if (writerParked) {
      LockSupport.unpark(writer);
    }
    if (closed) {
      // The writer may have stopped before this item arrived: whoever adds after the close writes it out.
      drain(Integer.MAX_VALUE);
    }
  }

  private void writeUntilClosed() {
    while (true) {
      drain(MAX_BATCH);
      reportDrops(false);
      if (!queue.isEmpty()) {
        continue;
      }
      if (closed) {
        drain(Integer.MAX_VALUE);
        reportDrops(true);
        return;
      }
      LockSupport.parkNanos(this, LINGER_NANOS);
      if (!queue.isEmpty()) {
        continue;
      }
      writerParked = true;
      if (queue.isEmpty() && !closed) {
        LockSupport.park(this);
      }
      writerParked = false;
    }
  }

  /** Writes up to {@code max} queued items, and flushes the stream when nothing is left. */
  private void drain(int max) {
    List<FlushMark> flushed = new ArrayList<>(0);
    synchronized (out) {
      Object next;
      for (int written = 0; written < max && (next = queue.poll()) != null; written++) {
        if (next instanceof FlushMark mark) {
          flushStream();
          flushed.add(mark);
        } else {
          buffered.decrementAndGet();
          writeLine((String) next);
        }
      }
      if (queue.isEmpty()) {
        flushStream();
      }
    }
    // Outside the lock: whatever waits for a flush runs on this thread.
    flushed.forEach(mark -> mark.done().complete(null));
  }

  private void writeNow(String line) {
    synchronized (out) {
      writeLine(line);
      flushStream();
    }
  }

  /** One write per line, so that a buffer flushed between lines never splits one. */
  private void writeLine(String line) {
    try {
      out.write((line + '\n').getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      failed(e);
    }
  }

  private void flushStream() {
    try {
      out.flush();
    } catch (IOException e) {
      failed(e);
    }
  }

  private static void failed(IOException e) {
    FAILURES.log(Level.WARNING, "log.write", "request and audit lines could not be written: " + e.getMessage());
  }

  private void reportDrops(boolean closing) {
    long now = System.nanoTime();
    if (unreportedDrops.get() == 0 || (!closing && reportedOnce && now - lastReportNanos < REPORT_INTERVAL_NANOS)) {
      return;
    }
    long dropped = unreportedDrops.getAndSet(0);
    reportedOnce = true;
    lastReportNanos = now;
    reports.log(Level.WARNING, "the log buffer (logging.bufferLines: " + capacity + ") was full: " + dropped
        + " request lines were dropped" + (closing ? "" : " since the last report")
        + "; audit lines are never dropped (scim_gateway_log_dropped_total counts every dropped line)");
  }
}
