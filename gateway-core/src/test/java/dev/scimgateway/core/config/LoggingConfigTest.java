package dev.scimgateway.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.adapter.api.InvalidConfigException;
import dev.scimgateway.core.observability.AsyncLogAppender;
import dev.scimgateway.core.observability.LogFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggingConfigTest {

  private static final String TENANTS = """
      tenants:
        acme:
          token: acme-token
          adapter: memory
      """;

  private static OperationsConfig operations(String logging) {
    return ConfigLoader.withEnvironment(Map.of()).parse(logging + TENANTS, "gateway.yaml").operations();
  }

  @Test
  void theLogBufferHasADefaultSize() {
    assertEquals(AsyncLogAppender.DEFAULT_BUFFER_LINES, operations("").logBufferLines());
    assertEquals(AsyncLogAppender.DEFAULT_BUFFER_LINES, OperationsConfig.defaults().logBufferLines());
  }

  @Test
  void theLogBufferSizeIsConfigured() {
    OperationsConfig operations = operations("logging:\n  format: json\n  bufferLines: 100\n");

    assertEquals(100, operations.logBufferLines());
    assertEquals(LogFormat.JSON, operations.logFormat());
  }

  @Test
  void aLogBufferOfNoLinesIsAConfigurationError() {
    String message = assertThrows(InvalidConfigException.class, () -> operations("logging:\n  bufferLines: 0\n")).getMessage();

    assertTrue(message.contains("logging.bufferLines"), message);
  }

  @Test
  void vertxsPerRequestHttpMetersAreOffUnlessAskedFor() {
    assertEquals(false, operations("").vertxHttpMetrics());
    assertEquals(false, OperationsConfig.defaults().vertxHttpMetrics());
    assertEquals(true, operations("metrics:\n  vertxHttp: true\n").vertxHttpMetrics());
  }

  @Test
  void anUnknownMetricsKeyIsAConfigurationError() {
    String message = assertThrows(InvalidConfigException.class, () -> operations("metrics:\n  vertx: true\n")).getMessage();

    assertTrue(message.contains("metrics"), message);
  }
}
