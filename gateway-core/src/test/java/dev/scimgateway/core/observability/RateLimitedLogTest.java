package dev.scimgateway.core.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

  private final List<String> written = new ArrayList<>();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RateLimitedLog log = new RateLimitedLog(new Collecting(), Duration.ofSeconds(60), now::get);

  @Test
  void aKindIsWrittenOncePerIntervalThenWithTheCountLeftOut() {
    log.log(Level.WARNING, "tls", "first");
    log.log(Level.WARNING, "tls", "second");
    log.log(Level.WARNING, "tls", "third");
    now.addAndGet(Duration.ofSeconds(61).toNanos());
    log.log(Level.WARNING, "tls", "fourth");

    assertEquals(List.of("first", "fourth (2 similar messages left out)"), written);
  }

  @Test
  void kindsAreCountedApart() {
    log.log(Level.WARNING, "a", "one");
    log.log(Level.WARNING, "b", "two");
    log.log(Level.WARNING, "a", "three");

    assertEquals(List.of("one", "two"), written);
  }

  private final class Collecting implements System.Logger {

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
      written.add(message);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      written.add(format);
    }
  }
}
