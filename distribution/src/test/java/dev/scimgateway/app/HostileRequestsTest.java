package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests from the internet that no IdP sends: malformed headers, framing, escapes, HTTP versions,
 * tokens and tenant names, written byte by byte. Each gets an immediate RFC 7644 error with the status
 * it deserves, never a 5xx or a hang; {@code /health} answers throughout; nothing reaches Postman; no
 * diagnostic carries a stack trace or anything of the request's query or headers.
 */
class HostileRequestsTest {

  private static final String QUERY_SECRET = "query-secret-must-not-be-logged-4e1d";
  private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

  private static GatewayHarness harness;
  private static CapturedLogs logs;

  @BeforeAll
  static void start() {
    logs = CapturedLogs.install();
    harness = GatewayHarness.start();
  }

  @AfterAll
  static void stop() {
    harness.close();
    logs.close();
  }

  @AfterEach
  void healthAnswersAndNothingWasLoggedWithAStackTraceOrTheRequest() {
    assertEquals(200, harness.send(io.vertx.core.http.HttpMethod.GET, "/health", null, null).status());
    assertEquals(0, harness.simulator.requests().size(), "nothing reached Postman: " + harness.upstreamCalls());
    assertEquals(java.util.List.of(), logs.withStackTraces().stream().map(r -> r.getMessage() + " " + r.getThrown()).toList());
    for (String line : logs.lines()) {
      assertFalse(line.contains(QUERY_SECRET), line);
      assertFalse(line.contains(GatewayHarness.TOKEN), line);
      assertFalse(line.contains("%zz"), "no raw URI in a log line: " + line);
    }
    for (String line : harness.logLines) {
      assertFalse(line.contains(QUERY_SECRET) || line.contains(GatewayHarness.TOKEN), line);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # headers
      Host is an unclosed IPv6 literal        | GET /scim/v2/acme/Users HTTP/1.1\\r\\nHost: [::1\\r\\nAuthorization: Bearer TOKEN\\r\\n\\r\\n | 400
      Host with a space                        | GET /scim/v2/acme/Users HTTP/1.1\\r\\nHost: a b\\r\\nAuthorization: Bearer TOKEN\\r\\n\\r\\n | 400
      Host with a port past 65535              | GET /scim/v2/acme/Users HTTP/1.1\\r\\nHost: h:99999\\r\\nAuthorization: Bearer TOKEN\\r\\n\\r\\n | 400
      HTTP/1.1 without Host                    | GET /scim/v2/acme/Users HTTP/1.1\\r\\nAuthorization: Bearer TOKEN\\r\\n\\r\\n | 400
      two Host headers                         | GET /scim/v2/acme/Users HTTP/1.1\\r\\nHost: a\\r\\nHost: b\\r\\nAuthorization: Bearer TOKEN\\r\\n\\r\\n | 400
      a header line without a colon            | GET /scim/v2/acme/Users HTTP/1.1\\r\\nHost: localhost\\r\\nno colon here\\r\\n\\r\\n | 400
      headers past the size limit              | GET /scim/v2/acme/Users HTTP/1.1\\r\\nHost: localhost\\r\\nX-Big: BIGHEADER\\r\\n\\r\\n | 431
      # framing
      Transfer-Encoding chunked then identity  | POST /scim/v2/acme/Users HTTP/1.1\\r\\nHost: localhost\\r\\nAuthorization: Bearer TOKEN\\r\\nContent-Type: application/scim+json\\r\\nTransfer-Encoding: chunked, identity\\r\\n\\r\\n2\\r\\n{}\\r\\n0\\r\\n\\r\\n | 400
      Transfer-Encoding identity               | POST /scim/v2/acme/Users HTTP/1.1\\r\\nHost: localhost\\r\\nAuthorization: Bearer TOKEN\\r\\nTransfer-Encoding: identity\\r\\n\\r\\n{} | 400
      Transfer-Encoding gzip then chunked      | POST /scim/v2/acme/Users HTTP/1.1\\r\\nHost: localhost\\r\\nAuthorization: Bearer TOKEN\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n0\\r\\n\\r\\n | 400
      Transfer-Encoding and Content-Length     | POST /scim/v2/acme/Users HTTP/1.1\\r\\nHost: localhost\\r\\nAuthorization: Bearer TOKEN\\r\\nContent-Length: 5\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n | 400
      Transfer-Encoding twice                  | POST /scim/v2/acme/Users HTTP/1.1\\r\\nHost: localhost\\r\\nAuthorization: Bearer TOKEN\\r\\nTransfer-Encoding: chunked\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n0\\r\\n\\r\\n | 400
      a Content-Length that is no number       | POST /scim/v2/acme/Users HTTP/1.1\\r\\nHost: localhost\\r\\nAuthorization: Bearer TOKEN\\r\\nContent-Length: abc\\r\\n\\r\\n{} | 400
      a request line that is garbage           | GARBAGE\\r\\n\\r\\n | 400
      a request URI past the line limit        | GET /scim/v2/acme/Users?filter=LONGURI HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n | 414
      # escapes
      a malformed escape in the path           | GET /scim/v2/acme/Users/%zz HTTP/1.1\\r\\nHost: localhost\\r\\nAuthorization: Bearer TOKEN\\r\\n\\r\\n | 400
      a malformed escape without a token       | GET /scim/v2/acme/Users/%zz HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n | 400
      a malformed escape in the tenant         | GET /scim/v2/%zz/Users HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n | 400
      a lone percent in the filter             | GET /scim/v2/acme/Users?filter=% HTTP/1.1\\r\\nHost: localhost\\r\\nAuthorization: Bearer TOKEN\\r\\n\\r\\n | 400
      a secret beside a malformed escape       | GET /scim/v2/acme/Users?access_token=QUERYSECRET&x=%zz HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n | 400
      a malformed escape on a create           | POST /scim/v2/acme/Users?x=%zz HTTP/1.1\\r\\nHost: localhost\\r\\nAuthorization: Bearer TOKEN\\r\\nContent-Type: application/scim+json\\r\\nContent-Length: 2\\r\\n\\r\\n{} | 400
      # HTTP versions
      an unknown HTTP version                  | GET /scim/v2/acme/Users HTTP/3.7\\r\\nHost: localhost\\r\\nAuthorization: Bearer TOKEN\\r\\n\\r\\n | 400
      a WebSocket upgrade without a token      | GET /scim/v2/acme/Users HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: Upgrade\\r\\nUpgrade: websocket\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\nSec-WebSocket-Version: 13\\r\\n\\r\\n | 401
      a WebSocket upgrade to an unknown path   | GET /scim/v2/acme/Chat HTTP/1.1\\r\\nHost: localhost\\r\\nAuthorization: Bearer TOKEN\\r\\nConnection: Upgrade\\r\\nUpgrade: websocket\\r\\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\nSec-WebSocket-Version: 13\\r\\n\\r\\n | 404
      # tokens and tenant names
      no token                                 | GET /scim/v2/acme/Users HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n | 401
      an empty bearer token                    | GET /scim/v2/acme/Users HTTP/1.1\\r\\nHost: localhost\\r\\nAuthorization: Bearer \\r\\n\\r\\n | 401
      Basic instead of Bearer                  | GET /scim/v2/acme/Users HTTP/1.1\\r\\nHost: localhost\\r\\nAuthorization: Basic YWNtZTp4\\r\\n\\r\\n | 401
      a tenant name of 2000 characters         | GET /scim/v2/LONGTENANT/Users HTTP/1.1\\r\\nHost: localhost\\r\\nAuthorization: Bearer TOKEN\\r\\n\\r\\n | 404
      an encoded slash in the tenant           | GET /scim/v2/ac%2Fme/Users HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n | 401
      a NUL escape in the tenant               | GET /scim/v2/acme%00/Users HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n | 401
      """)
  void isAnsweredWithAScimErrorAtOnce(String name, String request, int status) {
    String raw = request.replace("\\r\\n", "\r\n")
        .replace("TOKEN", GatewayHarness.TOKEN)
        .replace("QUERYSECRET", QUERY_SECRET)
        .replace("BIGHEADER", "x".repeat(10_000))
        .replace("LONGURI", "a".repeat(10_000))
        .replace("LONGTENANT", "t".repeat(2_000));

    RawHttp.Answer answer = RawHttp.exchange(harness.gateway.port(), raw);

    assertEquals(status, answer.status(), name + ": " + answer.body());
    assertScimError(answer, status);
  }

  @Test
  void aMissingAWrongTokenAndAnUnknownTenantAreIndistinguishable() {
    String missing = RawHttp.exchange(harness.gateway.port(),
        "GET /scim/v2/acme/Users HTTP/1.1\r\nHost: localhost\r\n\r\n").body();
    String wrong = RawHttp.exchange(harness.gateway.port(),
        "GET /scim/v2/acme/Users HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer wrong\r\n\r\n").body();
    String unknown = RawHttp.exchange(harness.gateway.port(),
        "GET /scim/v2/nosuchtenant/Users HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer wrong\r\n\r\n").body();

    assertEquals(missing, wrong);
    assertEquals(missing, unknown);
  }

  @Test
  void aBrokenFramingClosesTheConnection() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", harness.gateway.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /scim/v2/acme/Users HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + GatewayHarness.TOKEN
          + "\r\nTransfer-Encoding: chunked, identity\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.setSoTimeout(RawHttp.PATIENCE_MILLIS);
      RawHttp.Answer answer = RawHttp.read(socket.getInputStream());

      assertEquals(400, answer.status());
      assertEquals("close", answer.header("Connection"));
      assertTrue(RawHttp.closesWhileWaiting(socket), "the connection is closed after the answer");
    }
  }

  @Test
  void http10WithoutHostIsServedWithTheServersOwnAddress() {
    String body = "{\"userName\":\"http10@example.com\",\"name\":{\"givenName\":\"H\",\"familyName\":\"Ten\"}}";
    RawHttp.Answer answer = RawHttp.exchange(harness.gateway.port(),
        "POST /scim/v2/acme/Users HTTP/1.0\r\nAuthorization: Bearer " + GatewayHarness.TOKEN
            + "\r\nContent-Type: application/scim+json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

    assertEquals(201, answer.status(), answer.body());
    String expected = "http://127.0.0.1:" + harness.gateway.port() + "/scim/v2/acme/Users/" + answer.json().getString("id");
    assertEquals(expected, answer.header("Location"));
    assertEquals(expected, answer.json().getJsonObject("meta").getString("location"));
    harness.simulator.clearRequests();
  }

  @Test
  void aWebSocketUpgradeIsIgnoredAndTheRequestServedOverHttp() {
    RawHttp.Answer answer = RawHttp.exchange(harness.gateway.port(),
        "GET /scim/v2/acme/Users?count=1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + GatewayHarness.TOKEN
            + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n");

    assertEquals(200, answer.status(), answer.body());
    assertEquals("urn:ietf:params:scim:api:messages:2.0:ListResponse", answer.json().getJsonArray("schemas").getString(0));
    harness.simulator.clearRequests();
  }

  static void assertScimError(RawHttp.Answer answer, int status) {
    assertTrue(answer.header("Content-Type") != null && answer.header("Content-Type").startsWith("application/scim+json"),
        "SCIM JSON, got " + answer.headers() + " " + answer.body());
    JsonObject json = answer.json();
    assertEquals(ERROR_SCHEMA, json.getJsonArray("schemas").getString(0));
    assertEquals(String.valueOf(status), json.getValue("status"), "status is a string");
    assertTrue(json.getString("detail").length() > 10, answer.body());
  }
}
