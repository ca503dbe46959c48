package dev.scimgateway.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad filters and bad PATCH bodies, each with its exact status and scimType, and no upstream write. */
class BadRequestTableTest {

  private static GatewayHarness harness;
  private static String id;

  @BeforeAll
  static void start() {
    harness = GatewayHarness.start();
    id = harness.post(harness.usersPath(), new JsonObject(
        "{\"userName\":\"table@example.com\",\"name\":{\"givenName\":\"Ta\",\"familyName\":\"Ble\"},\"emails\":[]}"))
        .json().getString("id");
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @BeforeEach
  void clean() {
    harness.simulator.clearRequests();
  }

  @ParameterizedTest(name = "filter {0}")
  @CsvSource(delimiter = '|', value = {
      "userName eq                               | 400 | invalidFilter",
      "userName eq 'single quotes'               | 400 | invalidFilter",
      "(userName eq \"a\"                        | 400 | invalidFilter",
      "userName xx \"a\"                         | 400 | invalidFilter",
      "displayName eq \"Jane\"                   | 400 | invalidFilter",
      "userName sw \"j\"                         | 400 | invalidFilter",
      "userName ne \"j\"                         | 400 | invalidFilter",
      "userName pr                               | 400 | invalidFilter",
      "userName eq \"a\" or userName eq \"b\"    | 400 | invalidFilter",
      "not (userName eq \"a\")                   | 400 | invalidFilter",
      "emails[type eq \"work\"].value eq \"a\"   | 400 | invalidFilter",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"1\" | 400 | invalidFilter"
  })
  void badFilter(String filter, int status, String scimType) {
    var response = harness.get(harness.usersPath() + "?filter=" + URLEncoder.encode(filter.trim(), StandardCharsets.UTF_8));

    assertEquals(status, response.status(), response.body());
    assertEquals(scimType, response.json().getString("scimType"), response.body());
    assertEquals(0, harness.simulator.requests().size(), "a filter the gateway cannot answer costs no upstream call");
  }

  @ParameterizedTest(name = "PATCH {0}")
  @CsvSource(delimiter = '|', value = {
      "no schemas          | {'Operations':[{'op':'replace','value':{'active':false}}]}                    | 400 | invalidSyntax",
      "no Operations       | {'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp']}                 | 400 | invalidSyntax",
      "empty Operations    | {'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[]} | 400 | invalidSyntax",
      "unknown op          | {'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'merge','path':'active','value':true}]} | 400 | invalidSyntax",
      "remove without path | {'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'remove'}]} | 400 | noTarget",
      "replace, no value   | {'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'replace','path':'active'}]} | 400 | invalidValue",
      "unparsable path     | {'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'replace','path':'name[[','value':'x'}]} | 400 | invalidPath",
      "second op bad       | {'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[{'op':'replace','path':'active','value':false},{'op':'remove'}]} | 400 | noTarget"
  })
  void badPatch(String name, String body, int status, String scimType) {
    var response = harness.patch(harness.usersPath() + "/" + id, new JsonObject(body.replace('\'', '"')));

    assertEquals(status, response.status(), response.body());
    assertEquals(scimType, response.json().getString("scimType"), response.body());
    assertTrue(harness.upstreamCalls().stream().noneMatch(call -> call.startsWith("PATCH") || call.startsWith("PUT")),
        "all or nothing: " + harness.upstreamCalls());
    assertEquals(true, harness.simulator.users().get(0).getBoolean("active"));
  }
}
