package dev.scimgateway.app;

import dev.scimgateway.adapter.api.InvalidConfigException;
import dev.scimgateway.core.config.ConfigLoader;
import dev.scimgateway.core.config.GatewayConfig;
import dev.scimgateway.core.config.OperationsConfig;
import dev.scimgateway.core.config.ServerConfig;
import dev.scimgateway.core.observability.AsyncLogAppender;
import dev.scimgateway.core.observability.GatewayMetrics;
import dev.scimgateway.core.observability.Observability;
import dev.scimgateway.core.observability.StructuredLog;
import dev.scimgateway.core.server.ScimGateway;
import dev.scimgateway.core.tenant.AdapterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts the gateway. A configuration problem ends start-up with exit code 2 and one line on stderr
 * naming it; a port that cannot be bound with exit code 1.
 */
public final class GatewayMain {

  static final int EXIT_CONFIG = 2;
  static final int EXIT_START = 1;
  private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(60);

  private GatewayMain() {}

  public static void main(String[] args) {
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
    CommandLine commandLine;
    try {
      commandLine = CommandLine.parse(args);
    } catch (IllegalArgumentException e) {
      exit(EXIT_CONFIG, "scim-gateway: " + e.getMessage() + "\n" + CommandLine.USAGE);
      return;
    }
    if (commandLine.help()) {
      System.out.println(CommandLine.USAGE);
      return;
    }
    GatewayConfig fileConfig;
    try {
      fileConfig = commandLine.config().map(ConfigLoader.withSystemEnvironment()::load).orElse(null);
    } catch (InvalidConfigException e) {
      exit(EXIT_CONFIG, "scim-gateway: configuration error: " + e.getMessage());
      return;
    }

    GatewayMetrics metrics = GatewayMetrics.create();
    int eventLoops = fileConfig != null ? fileConfig.server().eventLoops() : ServerConfig.DEFAULT_EVENT_LOOPS;
    OperationsConfig operations = fileConfig != null ? fileConfig.operations() : OperationsConfig.defaults();
    Vertx vertx = GatewayVertx.create(metrics, eventLoops, operations.vertxHttpMetrics());
    Observability observability = new Observability(metrics, new StructuredLog(operations.logFormat(),
        AsyncLogAppender.stdout(operations.logBufferLines(), metrics.registry())));
    Future<GatewayConfig> config = fileConfig != null
        ? Future.succeededFuture(fileConfig)
        : DemoMode.start(vertx, commandLine.demoPort());
    config.compose(loaded -> ScimGateway.start(vertx, loaded, AdapterRegistry.fromClasspath(), observability))
        .onSuccess(gateway -> {
          if (fileConfig == null) {
            System.out.println(DemoMode.instructions(gateway.port()));
          }
          Runtime.getRuntime().addShutdownHook(new Thread(() -> drainThenStop(gateway)));
        })
        .onFailure(failure -> vertx.close().onComplete(closed -> {
          if (failure instanceof InvalidConfigException) {
            exit(EXIT_CONFIG, "scim-gateway: configuration error: " + failure.getMessage());
          } else if (failure instanceof BindException) {
            exit(EXIT_START, "scim-gateway: cannot listen: " + failure.getMessage());
          } else {
            exit(EXIT_START, "scim-gateway: failed to start: " + failure);
          }
        }));
  }

  /**
   * On SIGTERM: stop accepting, finish the requests in flight and close the adapters, then let the
   * JVM end (its exit stops Vert.x's threads; closing Vert.x here would race with that exit).
   */
  private static void drainThenStop(ScimGateway gateway) {
    CountDownLatch drained = new CountDownLatch(1);
    gateway.close().onComplete(done -> drained.countDown());
    try {
      if (!drained.await(SHUTDOWN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        System.err.println("scim-gateway: requests still in flight after " + SHUTDOWN_LIMIT.toSeconds() + " s; stopping anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void exit(int code, String message) {
    System.err.println(message);
    System.exit(code);
  }
}
