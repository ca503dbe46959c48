package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code distribution/jvm.options} is a file the JVM accepts, and the Docker image runs the gateway with it. */
class JvmOptionsTest {

  private static final Path OPTIONS = Path.of("jvm.options");

  @Test
  void theJvmStartsWithTheOptionsAndTakesTheParallelCollector() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process jvm = new ProcessBuilder(java, "@" + OPTIONS.toAbsolutePath(), "-XX:+PrintFlagsFinal", "-version")
        .redirectErrorStream(true).start();
    String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(jvm.waitFor(60, TimeUnit.SECONDS), "the JVM did not exit");
    assertEquals(0, jvm.exitValue(), output);
    assertTrue(output.lines().anyMatch(line -> line.matches("\\s*bool UseParallelGC\\s+= true\\s.*")), output);
  }

  @Test
  void theDockerImageCopiesTheOptionsAndRunsTheGatewayWithThem() throws Exception {
    String dockerfile = Files.readString(Path.of("..", "Dockerfile"));
    assertTrue(dockerfile.contains("COPY distribution/jvm.options /opt/scim-gateway/jvm.options"), dockerfile);
    assertTrue(dockerfile.contains("ENTRYPOINT [\"java\", \"@/opt/scim-gateway/jvm.options\","), dockerfile);
  }
}
