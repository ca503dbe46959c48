package dev.scimgateway.scimsimulator;

import io.vertx.core.Vertx;

/**
 * Runs one simulator until the process is stopped, and prints its base URL.
 *
 * <pre>java dev.scimgateway.scimsimulator.ScimSimulatorMain [PORT [TOKEN]]</pre>
 */
public final class ScimSimulatorMain {

  private ScimSimulatorMain() {}

  public static void main(String[] args) {
    ScimSimulatorOptions options = ScimSimulatorOptions.defaults();
    try {
      if (args.length > 0) {
        options = options.withPort(Integer.parseInt(args[0]));
      }
    } catch (NumberFormatException e) {
      System.err.println("usage: ScimSimulatorMain [PORT [TOKEN]]");
      System.exit(2);
    }
    if (args.length > 1) {
      options = options.withToken(args[1]);
    }
    Vertx vertx = Vertx.vertx();
    ScimSimulator.create(vertx, options).start()
        .onSuccess(started -> System.out.println(started.baseUrl()))
        .onFailure(failure -> {
          System.err.println("could not start the simulator: " + failure.getMessage());
          System.exit(1);
        });
  }
}
