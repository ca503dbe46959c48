package dev.scimgateway.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Self-signed certificates for 127.0.0.1, made with openssl. */
final class TestCertificates {

  private TestCertificates() {}

  /** Writes {@code cert.pem} and {@code key.pem} (PKCS#8) for subject {@code CN=commonName} into {@code dir}. */
  static void selfSigned(Path dir, String commonName) throws IOException, InterruptedException {
    Path cert = dir.resolve("cert.pem.new");
    Path key = dir.resolve("key.pem.new");
    run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=" + commonName, "-addext", "subjectAltName=IP:127.0.0.1",
        "-keyout", key.toString(), "-out", cert.toString()));
    // Key first, then certificate: each file is replaced whole, as a secret mount does.
    Files.move(key, dir.resolve("key.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    Files.move(cert, dir.resolve("cert.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Runs a command, failing with its output unless it exits 0; returns the output. */
  static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  /** Runs a command and returns its exit code and output, whatever the code. */
  static Result attempt(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not end");
    }
    return new Result(process.exitValue(), output);
  }

  record Result(int exitCode, String output) {}
}
