package dev.scimgateway.core.operation;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An event-loop context that code is confined to, and the one thread it runs on: a tenant's adapter is
 * only ever called here. {@link #call} runs an action on it and hands the outcome back to the caller's
 * own context, so that each side stays on its own event loop.
 *
 * <p>Each call from another loop runs on a duplicate of the home context of its own, as Vert.x serves each
 * request on a duplicate: the futures, timers and client answers of the call keep to it, and it names
 * the caller's context, so that {@link #requestContext} finds the IdP request the work is for.
 */
public final class HomeContext {

  private static final Object CALLER = new Object();

  private final Context context;
  private final Thread thread;

  private HomeContext(Context context, Thread thread) {
    this.context = context;
    this.thread = thread;
  }

  /** The event-loop context the calling code runs on; call it on that context. */
  public static HomeContext current() {
    Context context = Vertx.currentContext();
    if (context == null || !context.isEventLoopContext()) {
      throw new IllegalStateException("a home context must be an event-loop context, called on its thread");
    }
    return new HomeContext(context, Thread.currentThread());
  }

  public Context context() {
    return context;
  }

  /** The event-loop thread of this context. */
  public Thread thread() {
    return thread;
  }

  /** Whether the calling code runs on this context's thread. */
  public boolean isCurrent() {
    return Thread.currentThread() == thread;
  }

  /**
   * Runs {@code action} on this context and completes the answer on the caller's context (on this one
   * when the caller has none). Called on this context's thread, it runs {@code action} at once. An
   * exception {@code action} throws there fails the answer.
   */
  public <T> Future<T> call(Supplier<? extends Future<T>> action) {
    if (isCurrent()) {
      return action.get();
    }
    Context caller = Vertx.currentContext();
    ContextInternal onHome = ((ContextInternal) context).duplicate();
    if (caller != null) {
      onHome.localContextData().put(CALLER, caller);
    }
    Promise<T> answer = Promise.promise();
    onHome.runOnContext(ignored -> invoke(action).onComplete(outcome -> deliver(caller, answer, outcome)));
    return answer.future();
  }

  /**
   * The context of the request that code running on {@code context} works for: the caller's context
   * when {@code context} runs a {@link #call} handed over from another loop, else {@code context}
   * itself (which may be {@code null}).
   */
  public static Context requestContext(Context context) {
    if (context instanceof ContextInternal internal && internal.isDuplicate()
        && internal.localContextData().get(CALLER) instanceof Context caller) {
      return caller;
    }
    return context;
  }

  private static <T> Future<T> invoke(Supplier<? extends Future<T>> action) {
    try {
      return Objects.requireNonNull(action.get(), "an adapter returned no future");
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static <T> void deliver(Context caller, Promise<T> answer, AsyncResult<T> outcome) {
    if (caller == null) {
      answer.handle(outcome);
    } else {
      caller.runOnContext(ignored -> answer.handle(outcome));
    }
  }

  @Override
  public String toString() {
    return "HomeContext[" + thread.getName() + "]";
  }
}
