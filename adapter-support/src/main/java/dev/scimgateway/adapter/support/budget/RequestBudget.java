package dev.scimgateway.adapter.support.budget;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one kind of request (reads or writes) to one upstream team within "N requests in any window",
 * letting waiting requests go in arrival order.
 *
 * <p><b>Why a sliding log and not a token bucket (Bucket4j).</b> Upstreams such as Postman refuse
 * "180 attempts in less than a minute": they count over a sliding window. A token bucket of capacity
 * C refilling at rate r lets C + r·W requests through in some window W. To never exceed N it needs
 * C + r·W ≤ N, so it gives up either the burst (capacity 1, requests paced W/(N−1) apart: 60 requests
 * take 20 s even when the upstream would take them at once) or throughput (capacity N/2 halves the
 * rate). The classic Bucket4j setup, capacity N refilling N per W, passes up to 2N in some window and
 * earns 429s. A log of the last N requests allows exactly N in any window and a full burst of N: a
 * request may go when fewer than N requests are in flight or ended within the window.
 *
 * <p><b>What is counted.</b> A request occupies its slot from the moment it is let through until it
 * ends, and then until one window after it ended. It ended no earlier than the upstream received it,
 * so no window at the upstream ever holds more than N of them, however long a request waited for a
 * pooled connection or travelled (a margin of 1% of the window, at least 50 ms, covers clock
 * differences). Failed attempts and refused requests count too, like the upstream's "attempts".
 *
 * <p><b>Waiting.</b> A request that cannot go now waits in a queue ordered by its ticket (arrival
 * order; a retried request keeps its ticket and so its place). Each waiter has a deadline; a request
 * whose turn cannot come before its deadline, or whose tenant already has {@code maxQueue} waiters
 * here, is refused at once with a {@link BudgetExceededException} saying when to retry, instead of
 * being held only to be refused later. Refusals name the tenant settings {@code rateLimit.maxQueue}
 * and {@code rateLimit.maxWaitMillis}, the keys adapters use for these bounds.
 *
 * <p><b>Pausing.</b> When the upstream answers 429 anyway (another client uses the same team), the
 * lane {@linkplain #pauseUntil pauses}: nothing goes before the pause ends, and waiters whose deadline
 * falls before their new turn are refused at once.
 *
 * <p>Thread-safe; promises are completed outside the lock, on each waiter's own executor (its Vert.x
 * context), so continuations run on the event loop that asked. The clock and timers come from an
 * injected {@link Scheduler}: {@link #vertxScheduler} in production, a manual clock in tests.
 */
public final class RequestBudget implements BudgetLane {

  /** The clock and timers the lane uses (Vert.x in production, a manual clock in tests). */
  public interface Scheduler {

    /** The current time, in the units and origin of {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code task} after {@code delayNanos}; returns an action that cancels it. */
    Runnable schedule(long delayNanos, Runnable task);
  }

  private final String name;
  private final Scheduler scheduler;
  private int limit;
  private long windowNanos;
  private final TimestampQueue ended = new TimestampQueue();
  private int inFlight;
  private long pausedUntil;
  private String pauseReason;
  private final WaitingLine<Permit> line;
  private Runnable cancelPump;
  private long pumpAt;

  /**
   * @param name for messages, e.g. {@code writes}
   * @param limit requests allowed in any window
   * @param window the window (a margin is added, see the class comment)
   */
  public RequestBudget(String name, int limit, Duration window, Scheduler scheduler) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    this.name = name;
    this.scheduler = scheduler;
    this.limit = limit;
    this.windowNanos = withMargin(window);
    this.pausedUntil = scheduler.nanoTime();
    this.line = new WaitingLine<>(name, scheduler, this::exceeded);
  }

  static long withMargin(Duration window) {
    Duration margin = window.dividedBy(100).compareTo(Duration.ofMillis(50)) < 0 ? Duration.ofMillis(50) : window.dividedBy(100);
    return window.plus(margin).toNanos();
  }

  @Override
  public synchronized void reconfigure(int newLimit, Duration newWindow) {
    this.limit = newLimit;
    this.windowNanos = withMargin(newWindow);
  }

  @Override
  public synchronized int limit() {
    return limit;
  }

  @Override
  public String name() {
    return name;
  }

  /** A slot in the budget; {@link #release()} it when the request has ended, whatever the outcome. */
  public final class Permit implements BudgetLane.Permit {

    private boolean released;

    private Permit() {}

    @Override
    public void release() {
      List<Runnable> grants;
      synchronized (RequestBudget.this) {
        if (released) {
          return;
        }
        released = true;
        inFlight--;
        long now = scheduler.nanoTime();
        ended.addLast(now);
        grants = pump(now);
      }
      grants.forEach(Runnable::run);
    }
  }

  /** Refused: the request would wait too long, or its tenant's queue is full. */
  public static final class BudgetExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterNanos;
    private final boolean paused;

    BudgetExceededException(String message, long retryAfterNanos, boolean paused) {
      super(message, null, false, false);
      this.retryAfterNanos = retryAfterNanos;
      this.paused = paused;
    }

    /** When a new attempt has a chance, in whole seconds, at least 1 (for {@code Retry-After}). */
    public int retryAfterSeconds() {
      return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (retryAfterNanos + 999_999_999L) / 1_000_000_000L));
    }

    /** Whether the lane was paused because the upstream itself answered 429. */
    public boolean paused() {
      return paused;
    }
  }

  @Override
  public Future<Permit> acquire(long ticket, String tenant, int maxQueue, long deadline, Executor executor) {
    WaitingLine.Waiter<Permit> waiter;
    List<Runnable> grants;
    synchronized (this) {
      long now = scheduler.nanoTime();
      trim(now);
      if (!line.hasEarlierThan(ticket) && canGo(now)) {
        inFlight++;
        return Future.succeededFuture(new Permit());
      }
      Optional<Future<Permit>> refused = line.refusal(ticket, tenant, maxQueue, deadline, ahead -> predictTurn(ahead, now), now);
      if (refused.isPresent()) {
        return refused.get();
      }
      waiter = line.add(ticket, tenant, deadline, executor, this::expire);
      grants = pump(now);
    }
    grants.forEach(Runnable::run);
    return waiter.promise.future();
  }

  @Override
  public void pauseUntil(long until, String reason) {
    List<Runnable> refusals;
    synchronized (this) {
      long now = scheduler.nanoTime();
      if (until - pausedUntil <= 0) {
        return;
      }
      pausedUntil = until;
      pauseReason = reason;
      trim(now);
      refusals = line.refuseThoseTooLate(position -> predictTurn(position, now), now);
      schedulePump(now);
    }
    refusals.forEach(Runnable::run);
  }

  @Override
  public void cancel(String tenant, RuntimeException failure) {
    List<Runnable> cancelled;
    synchronized (this) {
      cancelled = line.cancel(tenant, failure);
    }
    cancelled.forEach(Runnable::run);
  }

  @Override
  public synchronized int available() {
    long now = scheduler.nanoTime();
    trim(now);
    return now - pausedUntil < 0 ? 0 : Math.max(0, limit - inFlight - ended.size());
  }

  @Override
  public synchronized int queued() {
    return line.size();
  }

  @Override
  public synchronized boolean isPaused() {
    return scheduler.nanoTime() - pausedUntil < 0;
  }

  /**
   * When each occupied slot frees at the earliest ({@link Scheduler#nanoTime()}s): one window after
   * each ended request, one window from now for each request in flight. For handing the lane's recent
   * requests over to a shared log.
   */
  synchronized List<Long> holds() {
    long now = scheduler.nanoTime();
    trim(now);
    List<Long> holds = new ArrayList<>(ended.size() + inFlight);
    for (int i = 0; i < ended.size(); i++) {
      holds.add(ended.get(i) + windowNanos);
    }
    for (int i = 0; i < inFlight; i++) {
      holds.add(now + windowNanos);
    }
    return holds;
  }

  private void expire(WaitingLine.Waiter<Permit> waiter) {
    Runnable refusal;
    synchronized (this) {
      if (!line.remove(waiter)) {
        return;
      }
      long now = scheduler.nanoTime();
      trim(now);
      refusal = waiter.fail(line.expired(predictTurn(0, now) - now));
    }
    refusal.run();
  }

  /** Lets waiters go while there is room; returns the grants to run outside the lock. */
  private List<Runnable> pump(long now) {
    if (line.isEmpty()) {
      schedulePump(now); // cancels a pump no one waits for any more
      return List.of();
    }
    trim(now);
    List<Runnable> grants = new ArrayList<>();
    while (!line.isEmpty() && canGo(now)) {
      WaitingLine.Waiter<Permit> waiter = line.pollFirst();
      inFlight++;
      grants.add(waiter.grant(new Permit()));
    }
    schedulePump(now);
    return grants;
  }

  /** Keeps one timer for the moment the head of the queue may go, when that moment is known. */
  private void schedulePump(long now) {
    long next;
    if (line.isEmpty()) {
      next = Long.MIN_VALUE;
    } else if (now - pausedUntil < 0) {
      next = pausedUntil;
      if (inFlight + ended.size() >= limit && !ended.isEmpty()) {
        next = later(next, ended.peekFirst() + windowNanos);
      }
    } else if (!ended.isEmpty()) {
      next = ended.peekFirst() + windowNanos;
    } else {
      next = Long.MIN_VALUE; // every slot is in flight: the next release pumps
    }
    if (cancelPump != null && (next == Long.MIN_VALUE || next != pumpAt)) {
      cancelPump.run();
      cancelPump = null;
    }
    if (next != Long.MIN_VALUE && cancelPump == null) {
      pumpAt = next;
      cancelPump = scheduler.schedule(Math.max(0, next - now), this::onPumpTimer);
    }
  }

  private void onPumpTimer() {
    List<Runnable> grants;
    synchronized (this) {
      cancelPump = null;
      grants = pump(scheduler.nanoTime());
    }
    grants.forEach(Runnable::run);
  }

  private boolean canGo(long now) {
    return now - pausedUntil >= 0 && inFlight + ended.size() < limit;
  }

  private void trim(long now) {
    while (!ended.isEmpty() && now - (ended.peekFirst() + windowNanos) >= 0) {
      ended.pollFirst();
    }
  }

  /**
   * When the waiter with {@code ahead} waiters before it may go, assuming requests end as soon as
   * they start: slot k of the window frees at the k-th earliest of "now" (free slots), "one window
   * after it ended" (ended requests) and "one window from now" (requests in flight); each round of
   * {@code limit} waiters adds a window.
   */
  private long predictTurn(int ahead, long now) {
    int used = inFlight + ended.size();
    int slot = ahead % limit;
    long free;
    if (slot < limit - used) {
      free = now;
    } else if (slot < limit - used + ended.size()) {
      free = ended.get(slot - (limit - used)) + windowNanos;
    } else {
      free = now + windowNanos;
    }
    long start = later(later(now, pausedUntil), free);
    return start + (long) (ahead / limit) * windowNanos;
  }

  private BudgetExceededException exceeded(String why, long retryAfterNanos) {
    boolean paused = scheduler.nanoTime() - pausedUntil < 0;
    String reason = paused && pauseReason != null ? why + "; " + pauseReason : why;
    return new BudgetExceededException(reason, Math.max(0, retryAfterNanos), paused);
  }

  private static long later(long a, long b) {
    return a - b >= 0 ? a : b;
  }

  /** A scheduler on Vert.x timers and {@link System#nanoTime()}. */
  public static Scheduler vertxScheduler(io.vertx.core.Vertx vertx) {
    return new Scheduler() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public Runnable schedule(long delayNanos, Runnable task) {
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(delayNanos) + 1);
        long id = vertx.setTimer(millis, ignored -> task.run());
        return () -> vertx.cancelTimer(id);
      }
    };
  }
}
