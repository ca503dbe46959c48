package dev.scimgateway.core.observability;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Writes a message of one kind at most once per interval, so that a client repeating a bad request
 * cannot flood the log; the next message of that kind tells how many were left out.
 */
public final class RateLimitedLog {

  private static final int MAX_KINDS = 1024;

  private final Logger logger;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public RateLimitedLog(Logger logger, Duration interval) {
    this(logger, interval, System::nanoTime);
  }

  RateLimitedLog(Logger logger, Duration interval, LongSupplier clock) {
    this.logger = logger;
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
  }

  public static RateLimitedLog of(Class<?> owner) {
    return new RateLimitedLog(System.getLogger(owner.getName()), Duration.ofMinutes(1));
  }

  /** {@code kind} names the message without its variable parts, e.g. {@code "tls.reload"}. */
  public void log(Level level, String kind, String message) {
    log(level, kind, message, null);
  }

  /** As {@link #log(Level, String, String)}, with a stack trace: only for the gateway's own bugs. */
  public void log(Level level, String kind, String message, Throwable bug) {
    if (!logger.isLoggable(level)) {
      return;
    }
    if (windows.size() >= MAX_KINDS && !windows.containsKey(kind)) {
      windows.clear();
    }
    long now = clock.getAsLong();
    Window window = windows.computeIfAbsent(kind, k -> new Window(now - intervalNanos));
    long suppressed = window.tryOpen(now, intervalNanos);
    if (suppressed < 0) {
      return;
    }
    String text = suppressed == 0 ? message : message + " (" + suppressed + " similar messages left out)";
    if (bug == null) {
      logger.log(level, text);
    } else {
      logger.log(level, text, bug);
    }
  }

  private static final class Window {

    private final AtomicLong openedAt;
    private final AtomicLong suppressed = new AtomicLong();

    Window(long openedAt) {
      this.openedAt = new AtomicLong(openedAt);
    }

    /** How many were left out since the last message, or -1 when this one is to be left out. */
    long tryOpen(long now, long intervalNanos) {
      long opened = openedAt.get();
      if (now - opened >= intervalNanos && openedAt.compareAndSet(opened, now)) {
        return suppressed.getAndSet(0);
      }
      suppressed.incrementAndGet();
      return -1;
    }
  }
}
