package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Once the upstream made a change, the IdP gets its result at once: a projection that cannot be
 * applied or forwarding headers that cannot be used never turn a created user into a timeout (whose
 * retry would then be a 409).
 */
class AnswerAfterUpstreamChangeTest {

  private static GatewayHarness harness;
  private static CapturedLogs logs;
  private static int created;

  @BeforeAll
  static void start() {
    logs = CapturedLogs.install();
    harness = GatewayHarness.withServerSettings("requestTimeoutMillis: 60000");
  }

  @AfterAll
  static void stop() {
    harness.close();
    logs.close();
  }

  @BeforeEach
  void clean() {
    harness.simulator.clearRequests();
  }

  @ParameterizedTest(name = "POST /Users{0}")
  @CsvSource({"?attributes=.", "?attributes=..", "?excludedAttributes=.", "'?attributes=userName,.'", "'?excludedAttributes=..,name'"})
  void aProjectionThatCannotBeAppliedAnswersTheWholeCreatedUser(String query) {
    RawHttp.Answer answer = create(query, "");

    assertEquals(201, answer.status(), answer.body());
    assertTrue(answer.json().containsKey("userName"), "the whole resource: " + answer.body());
    assertEquals(List.of("POST /Users"), harness.upstreamCalls());
    assertEquals(0, logs.withStackTraces().size(), "a client's query is no bug of the gateway");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "X-Forwarded-Host: [",
      "X-Forwarded-Host: a b",
      "X-Forwarded-Host: h:99999",
      "X-Forwarded-Host: h:0",
      "X-Forwarded-Port: 99999",
      "X-Forwarded-Port: x",
      "X-Forwarded-Proto: javascript",
      "X-Forwarded-For: [::1:x",
      "Forwarded: host=\"[\"",
      "Forwarded: host=\"a b\";proto=gopher",
      "Forwarded: for=\"[::1\";host=h:99999"})
  void unusableForwardingHeadersFallBackToTheServersOwnAddress(String header) {
    RawHttp.Answer answer = create("", header + "\r\n");

    assertEquals(201, answer.status(), answer.body());
    String expected = "http://localhost:" + harness.gateway.port() + "/scim/v2/acme/Users/" + answer.json().getString("id");
    assertEquals(expected, answer.header("Location"));
    assertEquals(expected, answer.json().getJsonObject("meta").getString("location"));
    assertEquals(List.of("POST /Users"), harness.upstreamCalls());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "X-Forwarded-Host: idp-facing.example.com                                | https | https://idp-facing.example.com",
      "X-Forwarded-Host: idp-facing.example.com:8443                           | https | https://idp-facing.example.com:8443",
      "Forwarded: proto=https;host=\"idp-facing.example.com\"                  | -     | https://idp-facing.example.com",
      "Forwarded: for=192.0.2.1;proto=https;host=[2001:db8::1]:9443            | -     | https://[2001:db8::1]:9443"})
  void wellFormedForwardingHeadersAreFollowed(String header, String proto, String origin) {
    String headers = header + "\r\n" + (proto.equals("-") ? "" : "X-Forwarded-Proto: " + proto + "\r\n");

    RawHttp.Answer answer = create("", headers);

    assertEquals(201, answer.status(), answer.body());
    assertEquals(origin + "/scim/v2/acme/Users/" + answer.json().getString("id"), answer.header("Location"));
    URI.create(answer.header("Location"));
  }

  @ParameterizedTest(name = "GET /Users{0}")
  @CsvSource({"?attributes=.", "?attributes=..", "'?attributes=userName,.'"})
  void aReadWithAttributesThatAreNoPathsIs400BeforeAnyUpstreamCall(String query) {
    RawHttp.Answer answer = RawHttp.exchange(harness.gateway.port(), "GET /scim/v2/acme/Users" + query + " HTTP/1.1\r\n"
        + "Host: localhost\r\nAuthorization: Bearer " + GatewayHarness.TOKEN + "\r\n\r\n");

    assertEquals(400, answer.status(), answer.body());
    assertEquals("invalidValue", answer.json().getString("scimType"));
    assertEquals(List.of(), harness.upstreamCalls());
  }

  @Test
  void aReadWithAnUnusableProjectionIs400BeforeAnyUpstreamCall() {
    assertEquals(201, create("", "").status());
    harness.simulator.clearRequests();

    RawHttp.Answer answer = RawHttp.exchange(harness.gateway.port(), "GET /scim/v2/acme/Users?excludedAttributes=. HTTP/1.1\r\n"
        + "Host: localhost\r\nAuthorization: Bearer " + GatewayHarness.TOKEN + "\r\n\r\n");

    assertEquals(400, answer.status(), answer.body());
    assertEquals("invalidValue", answer.json().getString("scimType"), answer.body());
    assertEquals(0, harness.simulator.requests().size(), "nothing changed upstream, so the IdP can fix its request");
  }

  private static RawHttp.Answer create(String query, String headers) {
    created++;
    String body = "{\"userName\":\"after-change-" + created + "@example.com\",\"name\":{\"givenName\":\"A\",\"familyName\":\"C\"}}";
    return RawHttp.exchange(harness.gateway.port(), "POST /scim/v2/acme/Users" + query + " HTTP/1.1\r\n"
        + "Host: localhost:" + harness.gateway.port() + "\r\n" + headers
        + "Authorization: Bearer " + GatewayHarness.TOKEN + "\r\nContent-Type: application/scim+json\r\n"
        + "Content-Length: " + body.length() + "\r\n\r\n" + body);
  }
}
