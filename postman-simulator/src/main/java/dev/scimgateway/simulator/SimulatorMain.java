package dev.scimgateway.simulator;

import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * Runs one simulator until the process is stopped, and prints its base URL.
 *
 * <pre>
 * java dev.scimgateway.simulator.SimulatorMain [--host H] [--port N] [--api-key K] [--window-seconds S]
 *                                              [--writes N] [--reads N] [--max-members N]
 * </pre>
 */
public final class SimulatorMain {

  private SimulatorMain() {
  }

  public static void main(String[] args) {
    SimulatorOptions options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: SimulatorMain [--host H] [--port N] [--api-key K] [--window-seconds S]"
          + " [--writes N] [--reads N] [--max-members N]");
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    PostmanSimulator simulator = PostmanSimulator.create(vertx, options);
    // No shutdown hook: everything is in memory, and the JVM's exit ends Vert.x's threads.
    simulator.start()
        .onSuccess(started -> System.out.println(started.baseUrl()))
        .onFailure(failure -> {
          System.err.println("could not start the simulator: " + failure.getMessage());
          vertx.close();
          System.exit(1);
        });
  }

  static SimulatorOptions parse(String[] args) {
    SimulatorOptions options = SimulatorOptions.defaults();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + flag);
      }
      String value = args[++i];
      options = switch (flag) {
        case "--host" -> options.withHost(value);
        case "--port" -> options.withPort(number(flag, value));
        case "--api-key" -> options.withApiKey(value);
        case "--window-seconds" -> options.withBudget(options.writesPerWindow(), options.readsPerWindow(),
            Duration.ofSeconds(number(flag, value)));
        case "--writes" -> options.withBudget(number(flag, value), options.readsPerWindow(), options.window());
        case "--reads" -> options.withBudget(options.writesPerWindow(), number(flag, value), options.window());
        case "--max-members" -> options.withMaxMembersPerRequest(number(flag, value));
        default -> throw new IllegalArgumentException("unknown option " + flag);
      };
    }
    return options;
  }

  private static int number(String flag, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a number, got " + value);
    }
  }
}
