package dev.scimgateway.adapter.support.upstream;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/**
 * Runs tasks on the context of the code that asked, whichever thread finishes the work: what an adapter
 * hands to work it shares between callers (a budget's queue, a shared scan), so that each caller's answer
 * comes back on its own event loop.
 */
public final class CallerContext {

  private CallerContext() {}

  /** An executor for the current context (a new one off any context). */
  public static Executor executor(Vertx vertx) {
    Context context = vertx.getOrCreateContext();
    return task -> context.runOnContext(ignored -> task.run());
  }
}
