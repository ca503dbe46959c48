package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.simulator.PostmanSimulator;
import dev.scimgateway.simulator.SimulatorOptions;
import io.vertx.core.Vertx;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS on the SCIM port: TLS 1.2 and 1.3 only, and a replaced certificate served without a restart. */
class TlsTest {

  @TempDir
  Path dir;

  @Test
  void servesHttpsAndANewCertificateOnceTheFilesAreReplaced() throws Exception {
    TestCertificates.selfSigned(dir, "first");
    try (GatewayHarness harness = GatewayHarness.withServerSettings(tls(200))) {
      int port = harness.gateway.port();

      Handshake first = request(port, "GET /scim/v2/acme/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
          + GatewayHarness.TOKEN + "\r\nConnection: close\r\n\r\n");
      assertEquals("CN=first", first.subject());
      assertTrue(first.answer().startsWith("HTTP/1.1 200"), first.answer());
      assertTrue(List.of("TLSv1.2", "TLSv1.3").contains(first.protocol()), first.protocol());

      TestCertificates.selfSigned(dir, "second");
      String subject = first.subject();
      for (int attempt = 0; attempt < 200 && subject.equals("CN=first"); attempt++) {
        TimeUnit.MILLISECONDS.sleep(100);
        subject = request(port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").subject();
      }
      assertEquals("CN=second", subject, "a new connection gets the new certificate");
    }
  }

  @Test
  void aPlainHttpRequestToTheTlsPortGetsNoAnswerInClear() throws Exception {
    TestCertificates.selfSigned(dir, "plain");
    try (GatewayHarness harness = GatewayHarness.withServerSettings(tls(60_000))) {
      boolean answeredInClear;
      try {
        answeredInClear = RawHttp.exchange(harness.gateway.port(), "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .status() == 200;
      } catch (AssertionError refused) {
        answeredInClear = false;
      }
      assertFalse(answeredInClear);
    }
  }

  /**
   * The gateway runs in a JVM of its own whose security settings allow TLS 1.0 and 1.1, so that only
   * the gateway's configuration refuses them; openssl offers one version at a time.
   */
  @Test
  void tls11IsRefusedAndTls12Accepted() throws Exception {
    TestCertificates.selfSigned(dir, "versions");
    Path security = Files.writeString(dir.resolve("java.security"), "jdk.tls.disabledAlgorithms=\n");
    Vertx vertx = Vertx.vertx();
    PostmanSimulator simulator = GatewayHarness.await(
        PostmanSimulator.create(vertx, SimulatorOptions.defaults().withApiKey(GatewayHarness.API_KEY)).start());
    Path config = Files.writeString(dir.resolve("gateway.yaml"), """
        server:
          host: 127.0.0.1
          port: 0
        %s
        tenants:
          acme:
            token: "tls-test-token-0123456789"
            adapter: postman
            postman:
              baseUrl: "%s"
              apiKey: "%s"
        """.formatted(tls(60_000).indent(2).stripTrailing(), simulator.baseUrl(), GatewayHarness.API_KEY));
    GatewayProcess running = GatewayProcess.start(config, dir.resolve("output.txt"), Map.of(),
        List.of("-Djava.security.properties=" + security));
    try {
      String target = "127.0.0.1:" + running.port();
      TestCertificates.Result tls12 = TestCertificates.attempt(List.of("openssl", "s_client", "-connect", target,
          "-tls1_2", "-brief"));
      TestCertificates.Result tls11 = TestCertificates.attempt(List.of("openssl", "s_client", "-connect", target,
          "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0", "-brief"));

      assertEquals(0, tls12.exitCode(), tls12.output());
      assertTrue(tls12.output().contains("TLSv1.2"), tls12.output());
      assertNotEquals(0, tls11.exitCode(), "a TLS 1.1 handshake succeeded: " + tls11.output());
      assertFalse(tls11.output().contains("Protocol version: TLSv1.1"), tls11.output());
      assertFalse(running.printed().contains("\tat "), "a refused handshake is no bug: " + running.printed());
    } finally {
      running.process().destroy();
      running.process().waitFor(20, TimeUnit.SECONDS);
      GatewayHarness.await(simulator.close());
      GatewayHarness.await(vertx.close());
    }
  }

  private String tls(int reloadIntervalMillis) {
    return "tls:\n  certFile: " + dir.resolve("cert.pem") + "\n  keyFile: " + dir.resolve("key.pem")
        + "\n  reloadIntervalMillis: " + reloadIntervalMillis;
  }

  private record Handshake(String subject, String protocol, String answer) {}

  private static Handshake request(int port, String request) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new TrustingEveryone()}, null);
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setSoTimeout(RawHttp.PATIENCE_MILLIS);
      socket.startHandshake();
      X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Handshake(certificate.getSubjectX500Principal().getName(), socket.getSession().getProtocol(), answer);
    }
  }

  /** The test checks which certificate it got, not whom it trusts. */
  private static final class TrustingEveryone implements X509TrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
