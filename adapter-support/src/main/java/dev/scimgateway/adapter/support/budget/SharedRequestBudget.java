package dev.scimgateway.adapter.support.budget;

import dev.scimgateway.adapter.support.budget.RequestBudget.BudgetExceededException;
import dev.scimgateway.adapter.support.cluster.ClusterRedis;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A {@link RequestBudget} that the replicas of a gateway share through Redis: one sliding log per team
 * and lane, a sorted set whose members are the slots taken and whose scores are when each frees.
 *
 * <p><b>The log.</b> A Lua script trims the slots that have freed, and takes as many of the free ones
 * as this replica has waiters, atomically, on Redis's clock (so the replicas' clocks do not matter). A
 * slot taken frees at "now + lease + window"; {@link Permit#release() releasing} it moves that to
 * "one window after the request ended", as {@link RequestBudget} counts (with the same margin). The
 * lease ({@code leaseMillis}) only matters when a replica dies with requests in flight: their slots
 * then free a lease and a window after they were taken, never earlier than the upstream may count
 * them if a request never lasts longer than the lease. So N replicas together never let more than the
 * limit into any window.
 *
 * <p><b>Waiting.</b> Each replica keeps its waiters in a {@code WaitingLine}: arrival order (by ticket), wait bound
 * and per-tenant queue bound, as {@link RequestBudget} does; one script call at a time asks for slots
 * for the waiters at the head, and when none is free the next call is timed to the moment the earliest
 * slot frees (at most one window away). Across replicas the order is the order their calls reach
 * Redis. Refusals carry when to retry, estimated from the last answer.
 *
 * <p><b>Pausing.</b> A 429 from the upstream pauses the lane in Redis, so every replica waits.
 *
 * <p><b>When Redis is away</b> ({@link ClusterRedis} says so, or a call fails) the lane falls back to
 * an in-process {@link RequestBudget} with {@code 1/replicas} of the limit, which first waits out one
 * window, since the shared log's last window is unknown to it. Waiters move there with their place and
 * deadline. When Redis is back, the lane writes its fallback's recent slots into the shared log and,
 * for one more window, asks both (the fallback's share and the shared log), so that replicas which
 * have not seen Redis back yet cannot be overrun; then it shares again.
 */
public final class SharedRequestBudget implements BudgetLane {

  private static final System.Logger LOG = System.getLogger(SharedRequestBudget.class.getName());

  private static final String ACQUIRE = """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local limit = tonumber(ARGV[1])
      local want = tonumber(ARGV[2])
      local window = tonumber(ARGV[3])
      local lease = tonumber(ARGV[4])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
      local paused = redis.call('PTTL', KEYS[2])
      if paused < 0 then paused = 0 end
      local used = redis.call('ZCARD', KEYS[1])
      local reply = {paused, 0, 0}
      if paused == 0 then
        for i = 1, math.min(want, limit - used) do
          redis.call('ZADD', KEYS[1], now + lease + window, ARGV[5] .. i)
          reply[#reply + 1] = ARGV[5] .. i
          used = used + 1
        end
      end
      reply[2] = used
      local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
      reply[3] = window
      if first[2] then reply[3] = math.min(tonumber(first[2]) - now, window) end
      redis.call('PEXPIRE', KEYS[1], lease + window)
      return reply
      """;

  private static final String RELEASE = """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])
      return 1
      """;

  private static final String PAUSE = """
      if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then
        redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
      end
      return 1
      """;

  /** ARGV: member prefix, key lifetime, then how many ms from now each slot frees. */
  private static final String HAND_OVER = """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      for i = 3, #ARGV do
        redis.call('ZADD', KEYS[1], now + tonumber(ARGV[i]), ARGV[1] .. i)
      end
      if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
      end
      return 1
      """;

  private static final long RETRY_AFTER_FAILURE_NANOS = 100_000_000L;

  private enum Mode { SHARED, FALLBACK, RETURNING }

  private final String name;
  private final String logKey;
  private final String pauseKey;
  private final ClusterRedis redis;
  private final RequestBudget.Scheduler scheduler;
  private final RequestBudget fallback;
  private final long leaseMillis;
  private final String replica = UUID.randomUUID().toString();
  private final Consumer<Boolean> redisListener = this::redisChanged;
  private int limit;
  private long windowNanos;
  private Mode mode;
  private long calls;
  private final WaitingLine<Permit> line;
  private boolean asking;
  private Runnable cancelRetry;
  private Runnable cancelReturn;
  // What the last answer from Redis said, for estimates.
  private int used;
  private long nextFree;
  private long pausedUntil;
  private String pauseReason;

  /**
   * @param name for messages, e.g. {@code write}
   * @param team whose budget it is; its SHA-256 names the Redis keys
   * @param limit requests allowed in any window, by all replicas together
   * @param window the window (the margin of {@link RequestBudget} is added)
   * @param leaseMillis how long a slot counts as in flight when its release never comes
   */
  public SharedRequestBudget(String name, TeamKey team, int limit, Duration window, long leaseMillis,
      RequestBudget.Scheduler scheduler, ClusterRedis redis) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    this.name = name;
    this.logKey = "scim-gateway:budget:{" + team.sha256() + "}:" + name;
    this.pauseKey = logKey + ":paused";
    this.redis = redis;
    this.scheduler = scheduler;
    this.leaseMillis = leaseMillis;
    this.limit = limit;
    this.windowNanos = RequestBudget.withMargin(window);
    this.fallback = new RequestBudget(name, share(limit), window, scheduler);
    this.line = new WaitingLine<>(name, scheduler, this::exceeded);
    long now = scheduler.nanoTime();
    this.nextFree = now;
    this.pausedUntil = now;
    this.mode = redis.isUp() ? Mode.SHARED : Mode.FALLBACK;
    if (mode == Mode.FALLBACK) {
      fallback.pauseUntil(now + windowNanos, "Redis is unreachable: this replica waits one window, then keeps to its share");
    }
    redis.onChange(redisListener);
  }

  private int share(int teamLimit) {
    return Math.max(1, teamLimit / redis.replicas());
  }

  /** Whether the lane counts in the shared log now (and not on this replica's share alone). */
  public synchronized boolean isShared() {
    return mode == Mode.SHARED;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public synchronized int limit() {
    return limit;
  }

  @Override
  public synchronized void reconfigure(int newLimit, Duration newWindow) {
    limit = newLimit;
    windowNanos = RequestBudget.withMargin(newWindow);
    fallback.reconfigure(share(newLimit), newWindow);
  }

  /** A slot of the shared log; see {@link SharedRequestBudget}. */
  private final class SharedPermit implements Permit {

    private final String member;
    private boolean released;

    SharedPermit(String member) {
      this.member = member;
    }

    @Override
    public void release() {
      synchronized (this) {
        if (released) {
          return;
        }
        released = true;
      }
      // When Redis is away the slot keeps its lease: it frees later than it would, never earlier.
      redis.eval(RELEASE, List.of(logKey), List.of(member, windowMillis()));
    }
  }

  /** A slot of the fallback's share and one of the shared log, while returning to Redis. */
  private record BothPermits(Permit local, Permit shared) implements Permit {
    @Override
    public void release() {
      local.release();
      shared.release();
    }
  }

  @Override
  public Future<? extends Permit> acquire(long ticket, String tenant, int maxQueue, long deadline, Executor executor) {
    Mode now;
    synchronized (this) {
      now = mode;
    }
    return switch (now) {
      case FALLBACK -> fallback.acquire(ticket, tenant, maxQueue, deadline, executor);
      case SHARED -> acquireShared(ticket, tenant, maxQueue, deadline, executor);
      case RETURNING -> fallback.acquire(ticket, tenant, maxQueue, deadline, executor)
          .compose(local -> isFallingBack()
              ? Future.<Permit>succeededFuture(local) // Redis went away again meanwhile
              : acquireShared(ticket, tenant, maxQueue, deadline, executor)
                  .<Permit>map(shared -> new BothPermits(local, shared))
                  .onFailure(refused -> local.release()));
    };
  }

  private synchronized boolean isFallingBack() {
    return mode == Mode.FALLBACK;
  }

  private Future<Permit> acquireShared(long ticket, String tenant, int maxQueue, long deadline, Executor executor) {
    WaitingLine.Waiter<Permit> waiter;
    synchronized (this) {
      if (mode == Mode.FALLBACK) {
        return fallback.acquire(ticket, tenant, maxQueue, deadline, executor).map(permit -> permit);
      }
      long now = scheduler.nanoTime();
      Optional<Future<Permit>> refused = line.refusal(ticket, tenant, maxQueue, deadline, ahead -> predictTurn(ahead, now), now);
      if (refused.isPresent()) {
        return refused.get();
      }
      waiter = line.add(ticket, tenant, deadline, executor, this::expire);
    }
    ask();
    return waiter.promise.future();
  }

  /** Asks Redis for slots for the waiters at the head of the queue, unless a call is under way. */
  private void ask() {
    int want;
    String prefix;
    synchronized (this) {
      if (asking || line.isEmpty() || mode == Mode.FALLBACK) {
        return;
      }
      if (cancelRetry != null) {
        cancelRetry.run();
        cancelRetry = null;
      }
      asking = true;
      want = line.size();
      prefix = replica + ":" + (++calls) + ":";
    }
    redis.eval(ACQUIRE, List.of(logKey, pauseKey), List.of(limit(), want, windowMillis(), leaseMillis, prefix))
        .onComplete(answer -> {
          if (answer.succeeded()) {
            granted(answer.result(), want);
          } else {
            synchronized (this) {
              asking = false;
              if (redis.isUp() && mode != Mode.FALLBACK) {
                // Redis was back before this failure was heard: ask again soon rather than fall back unheard.
                cancelRetry = scheduler.schedule(RETRY_AFTER_FAILURE_NANOS, this::ask);
                return;
              }
            }
            redisChanged(false); // usually told already by ClusterRedis; idempotent
          }
        });
  }

  private void granted(Response answer, int want) {
    List<Runnable> grants = new ArrayList<>();
    List<String> unused = new ArrayList<>();
    boolean askAgain;
    synchronized (this) {
      asking = false;
      long now = scheduler.nanoTime();
      long pausedMillis = answer.get(0).toLong();
      used = answer.get(1).toInteger();
      nextFree = now + answer.get(2).toLong() * 1_000_000L;
      if (pausedMillis > 0) {
        pausedUntil = later(pausedUntil, now + pausedMillis * 1_000_000L);
      }
      int slots = answer.size() - 3;
      for (int i = 0; i < slots; i++) {
        String member = answer.get(3 + i).toString();
        if (mode == Mode.FALLBACK || line.isEmpty()) {
          unused.add(member);
          continue;
        }
        grants.add(line.pollFirst().grant(new SharedPermit(member)));
      }
      askAgain = !line.isEmpty() && slots == want; // more came meanwhile, and there may be room
      if (!line.isEmpty() && !askAgain && mode != Mode.FALLBACK) {
        long at = pausedMillis > 0 ? pausedUntil : nextFree;
        cancelRetry = scheduler.schedule(Math.max(1_000_000L, at - now), this::ask);
      }
    }
    if (!unused.isEmpty()) {
      Request remove = Request.cmd(Command.ZREM).arg(logKey);
      unused.forEach(remove::arg);
      redis.send(remove);
    }
    grants.forEach(Runnable::run);
    if (askAgain) {
      ask();
    }
  }

  @Override
  public void pauseUntil(long until, String reason) {
    List<Runnable> refusals = List.of();
    Mode current;
    synchronized (this) {
      current = mode;
      long now = scheduler.nanoTime();
      if (until - pausedUntil > 0) {
        pausedUntil = until;
        pauseReason = reason;
        refusals = line.refuseThoseTooLate(position -> predictTurn(position, now), now);
      }
    }
    if (current != Mode.SHARED) {
      fallback.pauseUntil(until, reason);
    }
    if (current != Mode.FALLBACK) {
      long millis = Math.max(1, (until - scheduler.nanoTime() + 999_999L) / 1_000_000L);
      redis.eval(PAUSE, List.of(pauseKey), List.of(millis));
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
    fallback.cancel(tenant, failure);
  }

  @Override
  public synchronized int available() {
    if (mode == Mode.FALLBACK) {
      return fallback.available();
    }
    return scheduler.nanoTime() - pausedUntil < 0 ? 0 : Math.max(0, limit - used);
  }

  @Override
  public synchronized int queued() {
    return line.size() + fallback.queued();
  }

  @Override
  public synchronized boolean isPaused() {
    return mode == Mode.FALLBACK ? fallback.isPaused() : scheduler.nanoTime() - pausedUntil < 0;
  }

  @Override
  public void close() {
    redis.removeListener(redisListener);
    synchronized (this) {
      if (cancelRetry != null) {
        cancelRetry.run();
        cancelRetry = null;
      }
      if (cancelReturn != null) {
        cancelReturn.run();
        cancelReturn = null;
      }
    }
  }

  private void redisChanged(boolean up) {
    if (up) {
      returnToRedis();
    } else {
      fallBack();
    }
  }

  /** Redis is away: the fallback takes over, after one window, with the waiters in their order. */
  private void fallBack() {
    List<WaitingLine.Waiter<Permit>> moving;
    synchronized (this) {
      if (mode == Mode.FALLBACK) {
        return;
      }
      mode = Mode.FALLBACK;
      if (cancelRetry != null) {
        cancelRetry.run();
        cancelRetry = null;
      }
      if (cancelReturn != null) {
        cancelReturn.run();
        cancelReturn = null;
      }
      moving = line.drain();
    }
    LOG.log(Level.DEBUG, () -> "the " + name + " budget falls back to this replica's share");
    fallback.pauseUntil(scheduler.nanoTime() + windowNanos,
        "Redis is unreachable: this replica waits one window, then keeps to its share of the budget");
    for (WaitingLine.Waiter<Permit> waiter : moving) {
      fallback.acquire(waiter.ticket, waiter.tenant, Integer.MAX_VALUE, waiter.deadline, waiter.executor)
          .onComplete(result -> {
            if (result.failed()) {
              waiter.promise.tryFail(result.cause());
            } else if (!waiter.promise.tryComplete(result.result())) {
              result.result().release();
            }
          });
    }
  }

  /** Redis is back: hand the fallback's recent slots over, ask both for one window, then share. */
  private void returnToRedis() {
    List<Long> holds;
    long now;
    synchronized (this) {
      if (mode != Mode.FALLBACK) {
        return;
      }
      mode = Mode.RETURNING;
      now = scheduler.nanoTime();
      holds = fallback.holds();
      cancelReturn = scheduler.schedule(windowNanos, this::shareAgain);
    }
    List<Object> args = new ArrayList<>();
    args.add(replica + ":fallback:" + now + ":");
    args.add(leaseMillis + windowMillis());
    holds.forEach(until -> args.add(Math.max(1, (until - now) / 1_000_000L + 1)));
    redis.eval(HAND_OVER, List.of(logKey), args);
  }

  private void shareAgain() {
    synchronized (this) {
      cancelReturn = null;
      if (mode != Mode.RETURNING) {
        return;
      }
      mode = Mode.SHARED;
    }
    ask();
  }

  private void expire(WaitingLine.Waiter<Permit> waiter) {
    Runnable refusal;
    synchronized (this) {
      if (!line.remove(waiter)) {
        return;
      }
      long now = scheduler.nanoTime();
      refusal = waiter.fail(line.expired(predictTurn(0, now) - now));
    }
    refusal.run();
  }

  /**
   * When the waiter with {@code ahead} waiters before it may go, from the last answer: the free slots
   * now, then the earliest slot's freeing, then a window per round of {@code limit} waiters.
   */
  private long predictTurn(int ahead, long now) {
    long start = later(now, pausedUntil);
    int free = Math.max(0, limit - used);
    if (ahead < free) {
      return start;
    }
    return later(start, nextFree) + (long) ((ahead - free) / limit) * windowNanos;
  }

  private long windowMillis() {
    synchronized (this) {
      return (windowNanos + 999_999L) / 1_000_000L;
    }
  }

  private BudgetExceededException exceeded(String why, long retryAfterNanos) {
    boolean paused = scheduler.nanoTime() - pausedUntil < 0;
    String reason = paused && pauseReason != null ? why + "; " + pauseReason : why;
    return new BudgetExceededException(reason, Math.max(0, retryAfterNanos), paused);
  }

  private static long later(long a, long b) {
    return a - b >= 0 ? a : b;
  }
}
