package dev.scimgateway.core.observability;

import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * The timers of one combination of tags, one per status, each registered once and then found by its
 * status alone: no tags built or sorted and no key allocated per request.
 */
final class StatusTimers {

  private static final int HTTP_STATUSES = 600;

  private final AtomicReferenceArray<Timer> byStatus = new AtomicReferenceArray<>(HTTP_STATUSES);
  private final Map<Integer, Timer> others = new ConcurrentHashMap<>();
  private final IntFunction<Timer> register;

  /** {@code register} makes the timer of a status; the registry answers a second call with the same timer. */
  StatusTimers(IntFunction<Timer> register) {
    this.register = register;
  }

  Timer of(int status) {
    if (status < 0 || status >= HTTP_STATUSES) {
      return others.computeIfAbsent(status, register::apply);
    }
    Timer timer = byStatus.get(status);
    if (timer == null) {
      timer = register.apply(status);
      byStatus.set(status, timer);
    }
    return timer;
  }
}
