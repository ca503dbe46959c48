package dev.scimgateway.core.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

  private final CollectingLogger logger = new CollectingLogger();
  private final List<String> written = logger.messages();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RateLimitedLog log = new RateLimitedLog(logger, Duration.ofSeconds(60), now::get);

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
}
