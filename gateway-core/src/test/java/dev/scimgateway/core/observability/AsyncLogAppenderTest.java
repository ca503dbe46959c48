package dev.scimgateway.core.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class AsyncLogAppenderTest {

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final CollectingLogger logger = new CollectingLogger();
  private final List<String> reports = logger.messages();

  @Test
  void aStalledStreamCostsRequestLinesCountedButNoAuditLine() throws Exception {
    GatedStream stream = new GatedStream();
    AsyncLogAppender appender = AsyncLogAppender.start(stream, 4, registry, logger);

    appender.write(LineKind.REQUEST, "request 0");
    assertTrue(stream.entered.await(10, TimeUnit.SECONDS), "the writer never reached the stream");
    // The writer is stuck in the stream with "request 0"; the buffer takes four more lines.
    for (int i = 1; i <= 9; i++) {
      appender.write(LineKind.REQUEST, "request " + i);
    }
    assertEquals(5.0, dropped());

    Thread auditor = new Thread(() -> appender.write(LineKind.AUDIT, "audit 1"));
    auditor.start();
    while (synchronousAudits() < 1) {
      LockSupport.parkNanos(1_000_000);
    }
    stream.release.countDown();
    auditor.join();
    appender.close();

    List<String> lines = stream.lines();
    assertEquals(Set.of("request 0", "request 1", "request 2", "request 3", "request 4", "audit 1"), new HashSet<>(lines));
    assertEquals(6, lines.size(), lines.toString());
    assertEquals(5.0, dropped());
    assertEquals(1.0, synchronousAudits());
    assertEquals(1, reports.size(), reports.toString());
    assertTrue(reports.get(0).contains("5 request lines were dropped"), reports.get(0));
    assertTrue(reports.get(0).contains("logging.bufferLines: 4"), reports.get(0));
  }

  @Test
  void everyAuditLineIsWrittenWhateverManyThreadsWriteAtOnce() throws Exception {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    AsyncLogAppender appender = AsyncLogAppender.start(stream, 8, registry, logger);
    int threads = 4;
    int linesPerThread = 5_000;
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      writers.add(new Thread(() -> {
        for (int i = 0; i < linesPerThread; i++) {
          appender.write(i % 2 == 0 ? LineKind.REQUEST : LineKind.AUDIT, (i % 2 == 0 ? "request " : "audit ") + thread + "-" + i);
        }
      }));
    }
    writers.forEach(Thread::start);
    for (Thread writer : writers) {
      writer.join();
    }
    appender.close();

    List<String> lines = List.of(stream.toString(StandardCharsets.UTF_8).split("\n"));
    Set<String> distinct = new HashSet<>(lines);
    assertEquals(lines.size(), distinct.size(), "a line was written twice");
    for (int t = 0; t < threads; t++) {
      for (int i = 1; i < linesPerThread; i += 2) {
        assertTrue(distinct.contains("audit " + t + "-" + i), "audit " + t + "-" + i + " is missing");
      }
    }
    long requests = lines.stream().filter(line -> line.startsWith("request ")).count();
    assertEquals(threads * linesPerThread / 2, requests + (long) dropped());
    assertTrue(lines.stream().allMatch(line -> line.matches("(request|audit) \\d-\\d+")), "a line was split or mixed");
  }

  @Test
  void aFlushCompletesOnceEveryEarlierLineIsOut() throws Exception {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    AsyncLogAppender appender = AsyncLogAppender.start(stream, 100, registry, logger);
    for (int i = 0; i < 50; i++) {
      appender.write(i % 5 == 0 ? LineKind.AUDIT : LineKind.REQUEST, "line " + i);
    }

    appender.flush().toCompletableFuture().get(10, TimeUnit.SECONDS);

    String written;
    synchronized (stream) {
      written = stream.toString(StandardCharsets.UTF_8);
    }
    assertEquals(50, written.split("\n").length);
    assertTrue(written.endsWith("line 49\n"), written);
    appender.close();
  }

  @Test
  void linesWrittenAfterCloseAreWrittenAtOnceByTheirCaller() {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    AsyncLogAppender appender = AsyncLogAppender.start(stream, 100, registry, logger);
    appender.write(LineKind.REQUEST, "before");
    appender.close();

    appender.write(LineKind.REQUEST, "after");
    appender.accept("audit after");

    assertEquals("before\nafter\naudit after\n", stream.toString(StandardCharsets.UTF_8));
    assertFalse(appender.flush().toCompletableFuture().isCompletedExceptionally());
    assertTrue(appender.flush().toCompletableFuture().isDone());
    assertEquals(0.0, dropped());
  }

  private double dropped() {
    return registry.get("scim.gateway.log.dropped").tag("kind", "request").counter().count();
  }

  private double synchronousAudits() {
    return registry.get("scim.gateway.log.synchronous").tag("kind", "audit").counter().count();
  }

  /** Collects what is written; the first write waits until released, as a stalled standard output does. */
  private static final class GatedStream extends OutputStream {

    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (written) {
        written.write(bytes, offset, length);
      }
    }

    List<String> lines() {
      synchronized (written) {
        return List.of(written.toString(StandardCharsets.UTF_8).split("\n"));
      }
    }
  }
}
