package dev.scimgateway.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.adapter.api.ConfigSection;
import dev.scimgateway.adapter.api.FilterOperator;
import dev.scimgateway.adapter.api.InvalidConfigException;
import dev.scimgateway.adapter.api.ResourceCapabilities.Filterable;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code scim:} section: what is required, what each credential form sends, and errors that name the key. */
class ScimSettingsTest {

  private static ScimSettings parse(String json) {
    return ScimSettings.from(new ConfigSection("tenants.slack.scim", ScimRig.json(json)));
  }

  private static String error(String json) {
    return assertThrows(InvalidConfigException.class, () -> parse(json)).getMessage();
  }

  @Test
  void baseUrlAndAuthAreEnough() {
    ScimSettings settings = parse("{\"baseUrl\":\"https://api.slack.com/scim/v2/\",\"auth\":{\"bearer\":\"xoxp-1\"}}");

    assertEquals("https://api.slack.com/scim/v2", settings.base());
    assertEquals(new UpstreamAuth("Authorization", "Bearer xoxp-1", "tenants.slack.scim.auth.bearer"), settings.auth());
    assertEquals(List.of(), settings.resourceTypes());
    assertEquals(Optional.empty(), settings.patch());
    assertEquals(ScimSettings.DeleteMode.DELETE, settings.delete());
    assertEquals(300, settings.budget().reads());
    assertFalse(settings.toString().contains("xoxp-1"), settings.toString());
  }

  @Test
  void everyOverrideIsRead() {
    ScimSettings settings = parse("""
        {"baseUrl":"https://x.example/scim","auth":{"header":{"name":"X-Api-Key","value":"k1"}},
         "resourceTypes":["User"],"attributes":{"User":["userName","active"]},"filters":{"User":["userName eq"]},
         "patch":"put","delete":"deactivate","rateLimit":{"reads":10,"writes":5,"perSeconds":1}}""");

    assertEquals(new UpstreamAuth("X-Api-Key", "k1", "tenants.slack.scim.auth.header.value"), settings.auth());
    assertEquals(List.of("User"), settings.resourceTypes());
    assertEquals(Set.of("userName", "active"), settings.attributes().get("user"));
    assertEquals(Set.of(new Filterable("userName", FilterOperator.EQ)), settings.filters().get("user"));
    assertEquals(Optional.of(ScimSettings.PatchMode.PUT), settings.patch());
    assertEquals(ScimSettings.DeleteMode.DEACTIVATE, settings.delete());
    assertEquals(5, settings.budget().writes());
    assertTrue(settings.budget().explicit());
  }

  @Test
  void basicAuthSendsTheEncodedPair() {
    UpstreamAuth auth = parse("{\"baseUrl\":\"https://x.example\",\"auth\":{\"basic\":{\"username\":\"u\",\"password\":\"p\"}}}")
        .auth();

    assertEquals("Basic " + Base64.getEncoder().encodeToString("u:p".getBytes()), auth.value());
    assertFalse(auth.toString().contains(auth.value()));
  }

  @Test
  void mistakesNameTheirKey() {
    assertEquals("tenants.slack.scim.baseUrl: is required", error("{\"auth\":{\"bearer\":\"t\"}}"));
    assertEquals("tenants.slack.scim.auth: is required: one of bearer, basic or header",
        error("{\"baseUrl\":\"https://x.example\"}"));
    assertEquals("tenants.slack.scim.auth: give exactly one of bearer, basic or header",
        error("{\"baseUrl\":\"https://x.example\",\"auth\":{\"bearer\":\"t\",\"header\":{\"name\":\"a\",\"value\":\"b\"}}}"));
    assertEquals("tenants.slack.scim.patch: must be one of operations, put, got 'json'",
        error("{\"baseUrl\":\"https://x.example\",\"auth\":{\"bearer\":\"t\"},\"patch\":\"json\"}"));
    assertEquals("tenants.slack.scim.filters.User: 'userName' is not an attribute and an operator, e.g. \"userName eq\"",
        error("{\"baseUrl\":\"https://x.example\",\"auth\":{\"bearer\":\"t\"},\"filters\":{\"User\":[\"userName\"]}}"));
    assertTrue(error("{\"baseUrl\":\"https://x.example\",\"auth\":{\"bearer\":\"t\"},\"patches\":\"put\"}")
        .startsWith("tenants.slack.scim.patches: unknown key"));
  }
}
