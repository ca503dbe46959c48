package dev.scimgateway.adapter.support.budget;

import io.vertx.core.Future;
import java.util.concurrent.Executor;

/**
 * One kind of request (reads or writes) of one upstream team, kept within "N requests in any window":
 * {@link RequestBudget} in the process, {@link SharedRequestBudget} for replicas that share it through
 * Redis. Times are {@link RequestBudget.Scheduler#nanoTime()}s of the lane's scheduler.
 */
public interface BudgetLane {

  /** A slot in the budget; {@link #release()} it when the request has ended, whatever the outcome. */
  interface Permit {

    /** Ends the request's hold on its slot; the slot frees one window later. Idempotent. */
    void release();
  }

  /** The lane's name, as used in messages: {@code read} or {@code write}. */
  String name();

  /** Requests allowed in any window. */
  int limit();

  /**
   * Asks for a slot.
   *
   * @param ticket the request's place in line (smaller goes first); keep it for retries
   * @param tenant whose request it is, for the per-tenant queue bound
   * @param maxQueue how many of the tenant's requests may wait here
   * @param deadline the time by which the request must have gone
   * @param executor where to complete the returned future
   * @return a permit, or a failed future with a {@link RequestBudget.BudgetExceededException}
   */
  Future<? extends Permit> acquire(long ticket, String tenant, int maxQueue, long deadline, Executor executor);

  /** Lets nothing through before {@code until}; waiters whose turn comes after their deadline are refused. */
  void pauseUntil(long until, String reason);

  /** Refuses every waiter of {@code tenant} (at shutdown). */
  void cancel(String tenant, RuntimeException failure);

  /** Changes the limit and window, e.g. when a tenant with configured values joins a team. */
  void reconfigure(int newLimit, java.time.Duration newWindow);

  /** How many more requests could go now without waiting, all tenants together (an estimate when shared). */
  int available();

  /** How many requests wait, all tenants together (in this replica). */
  int queued();

  /** Whether nothing may go before some time in the future because the upstream answered 429. */
  boolean isPaused();

  /** Stops the lane's timers and listeners once no tenant uses it. */
  default void close() {}
}
