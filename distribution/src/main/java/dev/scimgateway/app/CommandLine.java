package dev.scimgateway.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The gateway's arguments: {@code --config FILE}, or nothing for the demo.
 *
 * @param config the configuration file; empty starts the demo tenant over the built-in simulator
 * @param demoPort the port of the demo gateway
 * @param help whether usage was asked for
 */
record CommandLine(Optional<Path> config, int demoPort, boolean help) {

  static final String USAGE = """
      Usage: java -jar scim-gateway.jar [--config FILE] [--demo-port PORT]

        --config FILE      start the tenants configured in FILE (YAML, ${ENV} references expanded)
        (no --config)      start a 'demo' tenant over the built-in Postman simulator
        --demo-port PORT   the demo gateway's port (default 8080)
        --help             print this text""";

  static CommandLine parse(String... args) {
    Optional<Path> config = Optional.empty();
    int demoPort = 8080;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> config = Optional.of(Path.of(value(args, ++i, "--config")));
        case "--demo-port" -> demoPort = port(value(args, ++i, "--demo-port"));
        case "--help", "-h" -> {
          return new CommandLine(config, demoPort, true);
        }
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
      }
    }
    return new CommandLine(config, demoPort, false);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("--demo-port must be a port number, got '" + text + "'");
  }
}
