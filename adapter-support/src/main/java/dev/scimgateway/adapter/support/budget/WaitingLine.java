package dev.scimgateway.adapter.support.budget;

import dev.scimgateway.adapter.support.budget.RequestBudget.BudgetExceededException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.IntToLongFunction;

/**
 * The requests waiting for a lane's slots, in ticket order, with their wait bounds and each tenant's count:
 * what {@link RequestBudget} and {@link SharedRequestBudget} share, each deciding when its head may go. Not
 * thread-safe: the lane calls it under its own lock, and completes promises outside that lock (the refusals
 * and cancellations here come back as actions to run).
 *
 * @param <P> the lane's permits
 */
final class WaitingLine<P extends BudgetLane.Permit> {

  /** A request waiting for a slot. */
  static final class Waiter<P extends BudgetLane.Permit> {
    final long ticket;
    final String tenant;
    final long deadline;
    final Promise<P> promise = Promise.promise();
    final Executor executor;
    private Runnable cancelDeadline;

    private Waiter(long ticket, String tenant, long deadline, Executor executor) {
      this.ticket = ticket;
      this.tenant = tenant;
      this.deadline = deadline;
      this.executor = executor;
    }

    /** Completes the promise with {@code permit} on the waiter's executor, releasing it if the waiter gave up. */
    Runnable grant(P permit) {
      return () -> executor.execute(() -> {
        if (!promise.tryComplete(permit)) {
          permit.release();
        }
      });
    }

    Runnable fail(RuntimeException failure) {
      return () -> executor.execute(() -> promise.tryFail(failure));
    }
  }

  /** Makes a lane's refusal: why, and in how many nanoseconds a new attempt has a chance. */
  interface Refusals {
    BudgetExceededException exceeded(String why, long retryAfterNanos);
  }

  private final String name;
  private final RequestBudget.Scheduler scheduler;
  private final Refusals refusals;
  private final TreeSet<Waiter<P>> queue = new TreeSet<>((a, b) -> Long.compare(a.ticket, b.ticket));
  private final Map<String, Integer> queuedPerTenant = new HashMap<>();

  /** @param name the lane's, for messages, e.g. {@code write} */
  WaitingLine(String name, RequestBudget.Scheduler scheduler, Refusals refusals) {
    this.name = name;
    this.scheduler = scheduler;
    this.refusals = refusals;
  }

  /**
   * The refusal of a request that may not wait: its tenant has {@code maxQueue} waiters already, or
   * {@code turn} (when it would go, given how many wait before it) falls after its deadline.
   */
  Optional<Future<P>> refusal(long ticket, String tenant, int maxQueue, long deadline, IntToLongFunction turn, long now) {
    int queued = queuedPerTenant.getOrDefault(tenant, 0);
    if (queued >= maxQueue) {
      return Optional.of(Future.failedFuture(refusals.exceeded("tenant " + tenant + " already has " + queued
          + " requests waiting for the " + name + " budget (rateLimit.maxQueue)", turn.applyAsLong(queue.size()) - now)));
    }
    long at = turn.applyAsLong(ahead(ticket));
    if (at - deadline > 0) {
      return Optional.of(Future.failedFuture(refusals.exceeded("the " + name + " budget has no slot before the request's"
          + " wait bound (rateLimit.maxWaitMillis)", at - now)));
    }
    return Optional.empty();
  }

  /** Queues a request; at its deadline {@code expire} is called with it (under no lock). */
  Waiter<P> add(long ticket, String tenant, long deadline, Executor executor, Consumer<Waiter<P>> expire) {
    Waiter<P> waiter = new Waiter<>(ticket, tenant, deadline, executor);
    queue.add(waiter);
    queuedPerTenant.merge(tenant, 1, Integer::sum);
    waiter.cancelDeadline = scheduler.schedule(Math.max(0, deadline - scheduler.nanoTime()), () -> expire.accept(waiter));
    return waiter;
  }

  /** Takes {@code waiter} out of the line; false if it was not in it (granted, refused or expired already). */
  boolean remove(Waiter<P> waiter) {
    if (!queue.remove(waiter)) {
      return false;
    }
    dequeued(waiter);
    return true;
  }

  /** The head of the line, taken out of it. */
  Waiter<P> pollFirst() {
    Waiter<P> waiter = queue.pollFirst();
    dequeued(waiter);
    return waiter;
  }

  /** Every waiter, taken out of the line in order (to move to another lane). */
  List<Waiter<P>> drain() {
    List<Waiter<P>> all = new ArrayList<>(queue);
    all.forEach(this::dequeued);
    queue.clear();
    return all;
  }

  /** How many wait before a request of {@code ticket}. */
  int ahead(long ticket) {
    return queue.headSet(new Waiter<>(ticket, "", 0, null)).size();
  }

  /** Whether a request that waits has a smaller ticket than {@code ticket}. */
  boolean hasEarlierThan(long ticket) {
    return !queue.isEmpty() && queue.first().ticket < ticket;
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  int size() {
    return queue.size();
  }

  /**
   * After a pause: refuses, and takes out of the line, the waiters whose {@code turn} (given how many
   * stay before them) falls after their deadline; the refusals to run outside the lock.
   */
  List<Runnable> refuseThoseTooLate(IntToLongFunction turn, long now) {
    List<Runnable> refused = new ArrayList<>();
    int position = 0;
    for (Iterator<Waiter<P>> it = queue.iterator(); it.hasNext(); ) {
      Waiter<P> waiter = it.next();
      long at = turn.applyAsLong(position);
      if (at - waiter.deadline > 0) {
        it.remove();
        dequeued(waiter);
        refused.add(waiter.fail(refusals.exceeded("the " + name + " budget is paused", at - now)));
      } else {
        position++;
      }
    }
    return refused;
  }

  /** Takes the waiters of {@code tenant} out of the line; their failures to run outside the lock. */
  List<Runnable> cancel(String tenant, RuntimeException failure) {
    List<Runnable> cancelled = new ArrayList<>();
    for (Iterator<Waiter<P>> it = queue.iterator(); it.hasNext(); ) {
      Waiter<P> waiter = it.next();
      if (waiter.tenant.equals(tenant)) {
        it.remove();
        dequeued(waiter);
        cancelled.add(waiter.fail(failure));
      }
    }
    return cancelled;
  }

  /** The refusal of a waiter whose deadline came, {@code retryAfterNanos} before the head's turn. */
  BudgetExceededException expired(long retryAfterNanos) {
    return refusals.exceeded("the request waited for the " + name + " budget as long as allowed"
        + " (rateLimit.maxWaitMillis)", retryAfterNanos);
  }

  private void dequeued(Waiter<P> waiter) {
    if (waiter.cancelDeadline != null) {
      waiter.cancelDeadline.run();
    }
    queuedPerTenant.computeIfPresent(waiter.tenant, (tenant, count) -> count <= 1 ? null : count - 1);
  }
}
