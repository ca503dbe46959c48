package dev.scimgateway.adapter.tck;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Event-loop contexts for the kit to call a provider from, as the gateway's loops would. */
final class EventLoops {

  private static final long TIMEOUT_SECONDS = 30;

  private EventLoops() {}

  /** The context of a verticle of its own: Vert.x gives each deployment the next event loop in turn. */
  static Context newContext(Vertx vertx) {
    Promise<Context> loop = Promise.promise();
    await(vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        loop.complete(context);
        return Future.succeededFuture();
      }
    }));
    return await(loop.future());
  }

  /** The thread of an event-loop context; called off the event loops, like every wait here. */
  static Thread threadOf(Context context) {
    return await(on(context, () -> Future.succeededFuture(Thread.currentThread())));
  }

  /** Runs {@code action} on {@code context}; its outcome, whatever thread asks. */
  static <T> Future<T> on(Context context, Supplier<Future<T>> action) {
    Promise<T> outcome = Promise.promise();
    context.runOnContext(ignored -> {
      try {
        action.get().onComplete(outcome);
      } catch (RuntimeException | AssertionError e) {
        outcome.fail(e);
      }
    });
    return outcome.future();
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("an event loop did not answer within " + TIMEOUT_SECONDS + " s", e);
    }
  }
}
