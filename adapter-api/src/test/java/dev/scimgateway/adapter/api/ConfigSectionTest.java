package dev.scimgateway.adapter.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigSectionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATH = "tenants.acme.postman";

  private static ConfigSection section(String json) {
    try {
      return new ConfigSection(PATH, JSON.readTree(json));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String message(Runnable action) {
    return assertThrows(InvalidConfigException.class, action::run).getMessage();
  }

  @Test
  void stringReadsScalarsAsTextAndIsEmptyWhenAbsentOrNull() {
    ConfigSection s = section("{\"a\":\"text\",\"n\":42,\"b\":true,\"nul\":null}");

    assertEquals(Optional.of("text"), s.string("a"));
    assertEquals(Optional.of("42"), s.string("n"));
    assertEquals(Optional.of("true"), s.string("b"));
    assertEquals(Optional.empty(), s.string("nul"));
    assertEquals(Optional.empty(), s.string("absent"));
  }

  @Test
  void stringsReadsAListAndRefusesAnythingElseNamingTheKey() {
    ConfigSection section = section("{\"types\":[\"User\",\"Group\"],\"one\":\"User\",\"holes\":[\"\"]}");

    assertEquals(Optional.of(List.of("User", "Group")), section.strings("types"));
    assertEquals(Optional.empty(), section.strings("absent"));
    assertEquals(List.of("types", "one", "holes"), section.keys());
    assertEquals("tenants.acme.postman.one: must be a list, e.g. [a, b]", message(() -> section.strings("one")));
    assertEquals("tenants.acme.postman.holes: must be a list of non-empty single values",
        message(() -> section.strings("holes")));
  }

  @Test
  void stringOfAListOrMappingNamesTheFullKey() {
    ConfigSection s = section("{\"list\":[1,2],\"map\":{\"x\":1}}");

    assertEquals(PATH + ".list: must be a single value, not a list or mapping", message(() -> s.string("list")));
    assertEquals(PATH + ".map: must be a single value, not a list or mapping", message(() -> s.string("map")));
  }

  @Test
  void requiredStringNamesTheFullKeyWhenMissingOrBlank() {
    ConfigSection s = section("{\"apiKey\":\"  \",\"baseUrl\":\"https://x.example\"}");

    assertEquals(PATH + ".token: is required", message(() -> s.requiredString("token")));
    String blank = message(() -> s.requiredString("apiKey"));
    assertTrue(blank.startsWith(PATH + ".apiKey: must not be empty"), blank);
    assertEquals("https://x.example", s.requiredString("baseUrl"));
  }

  @Test
  void nestedSectionsCarryTheirFullPathIntoMessages() {
    ConfigSection s = section("{\"rateLimit\":{\"requests\":\"lots\"}}");

    ConfigSection rateLimit = s.section("rateLimit");

    assertEquals(PATH + ".rateLimit", rateLimit.path());
    assertEquals(PATH + ".rateLimit.requests: must be a whole number, got 'lots'",
        message(() -> rateLimit.intOr("requests", 1, 1, 10)));
    assertEquals(PATH + ".rateLimit.perSeconds: is required",
        message(() -> rateLimit.requiredString("perSeconds")));
  }

  @Test
  void anAbsentNestedSectionIsEmptyAndFallsBackToDefaults() {
    ConfigSection absent = section("{}").section("rateLimit");

    assertFalse(absent.isPresent());
    assertEquals(180, absent.intOr("requests", 180, 1, 1000));
    assertTrue(absent.sections().isEmpty());
    assertSame(absent, absent.requireOnlyKeys(Set.of()));
  }

  @Test
  void aSectionThatIsNotAMappingIsRejectedByPath() {
    ConfigSection s = section("{\"rateLimit\":\"180/min\"}");

    assertEquals(PATH + ".rateLimit: must be a mapping of keys to values", message(() -> s.section("rateLimit")));
    assertEquals("top: must be a mapping of keys to values",
        message(() -> new ConfigSection("top", JSON.valueToTree(List.of(1, 2)))));
  }

  @Test
  void nullMissingAndJsonNullAreAllAbsentSections() {
    assertFalse(new ConfigSection("x", null).isPresent());
    assertFalse(new ConfigSection("x", MissingNode.getInstance()).isPresent());
    assertFalse(new ConfigSection("x", NullNode.getInstance()).isPresent());
    assertTrue(section("{}").isPresent());
  }

  @Test
  void topLevelSectionWithEmptyPathHasNoLeadingDot() {
    ConfigSection top = new ConfigSection("", JSON.createObjectNode().put("servr", 1));

    assertEquals("servr: unknown key (expected one of server, tenants)",
        message(() -> top.requireOnlyKeys(Set.of("tenants", "server"))));
    assertEquals("server", top.section("server").path());
  }

  @Test
  void requireOnlyKeysNamesTheUnknownKeyAndListsAllowedKeysSorted() {
    ConfigSection s = section("{\"baseUrl\":\"x\",\"baseURL\":\"y\"}");

    assertEquals(PATH + ".baseURL: unknown key (expected one of apiKey, baseUrl, rateLimit)",
        message(() -> s.requireOnlyKeys(Set.of("rateLimit", "baseUrl", "apiKey"))));
  }

  @Test
  void requireOnlyKeysReturnsTheSectionWhenAllKeysAreKnown() {
    ConfigSection s = section("{\"baseUrl\":\"x\",\"apiKey\":\"y\"}");

    assertSame(s, s.requireOnlyKeys(Set.of("baseUrl", "apiKey", "rateLimit")));
  }

  @Test
  void sectionsAreInWrittenOrderWithTheirPaths() {
    ConfigSection tenants = new ConfigSection("tenants", readTree("{\"zeta\":{},\"alpha\":{},\"mid\":{}}"));

    var sections = tenants.sections();

    assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(sections.keySet()));
    assertEquals("tenants.alpha", sections.get("alpha").path());
  }

  @Test
  void intOrReadsNumbersAndNumericStrings() {
    ConfigSection s = section("{\"n\":42,\"s\":\"42\",\"padded\":\" 7 \",\"neg\":\"-3\",\"nul\":null}");

    assertEquals(42, s.intOr("n", 0, 0, 100));
    assertEquals(42, s.intOr("s", 0, 0, 100));
    assertEquals(7, s.intOr("padded", 0, 0, 100));
    assertEquals(-3, s.intOr("neg", 0, -5, 100));
    assertEquals(9, s.intOr("nul", 9, 0, 100));
    assertEquals(9, s.intOr("absent", 9, 0, 100));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "\"1.5\"", "\"ten\"", "\"\"", "true", "[1]", "\"1e3\""})
  void intOrRejectsWhatIsNotAWholeNumber(String value) {
    ConfigSection s = section("{\"port\":" + value + "}");

    String message = message(() -> s.intOr("port", 1, 0, 65535));

    assertTrue(message.startsWith(PATH + ".port: must be a whole number, got '"), message);
  }

  @Test
  void intOrEnforcesTheRangeInclusivelyAndNamesIt() {
    ConfigSection s = section("{\"low\":0,\"high\":\"65536\",\"min\":1,\"max\":65535,\"huge\":99999999999}");

    assertEquals(PATH + ".low: must be between 1 and 65535, got 0", message(() -> s.intOr("low", 5, 1, 65535)));
    assertEquals(PATH + ".high: must be between 1 and 65535, got 65536", message(() -> s.intOr("high", 5, 1, 65535)));
    assertEquals(PATH + ".huge: must be between 1 and 65535, got 99999999999", message(() -> s.intOr("huge", 5, 1, 65535)));
    assertEquals(1, s.intOr("min", 5, 1, 65535));
    assertEquals(65535, s.intOr("max", 5, 1, 65535));
  }

  @Test
  void booleanOrReadsBooleansAndTheirLowerCaseText() {
    ConfigSection s = section("{\"a\":true,\"b\":\"false\",\"c\":\" true \",\"nul\":null}");

    assertTrue(s.booleanOr("a", false));
    assertFalse(s.booleanOr("b", true));
    assertTrue(s.booleanOr("c", false));
    assertTrue(s.booleanOr("nul", true));
    assertFalse(s.booleanOr("absent", false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"yes\"", "1", "\"on\"", "\"\""})
  void booleanOrRejectsAnythingElseNamingTheKey(String value) {
    ConfigSection s = section("{\"flag\":" + value + "}");

    assertTrue(message(() -> s.booleanOr("flag", true)).startsWith(PATH + ".flag: must be true or false, got '"));
  }

  @Test
  void millisOrReadsMillisecondsAndRejectsZero() {
    ConfigSection s = section("{\"timeout\":\"2500\",\"zero\":0}");

    assertEquals(Duration.ofMillis(2500), s.millisOr("timeout", Duration.ofSeconds(1)));
    assertEquals(Duration.ofSeconds(10), s.millisOr("absent", Duration.ofSeconds(10)));
    assertTrue(message(() -> s.millisOr("zero", Duration.ofSeconds(1))).startsWith(PATH + ".zero: must be between 1 and "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://api.getpostman.com/scim/v2", "http://127.0.0.1:8080/scim/v2"})
  void requiredHttpUrlAcceptsAbsoluteHttpUrls(String url) {
    URI uri = section("{\"baseUrl\":\"" + url + "\"}").requiredHttpUrl("baseUrl");

    assertEquals(URI.create(url), uri);
  }

  @ParameterizedTest
  @ValueSource(strings = {"api.getpostman.com/scim/v2", "ftp://files.example.com/x", "file:///etc/passwd", "/scim/v2",
      "mailto:admin@example.com"})
  void requiredHttpUrlRejectsNonHttpOrRelativeUrlsNamingKeyAndValue(String url) {
    ConfigSection s = section("{\"baseUrl\":\"" + url + "\"}");

    assertEquals(PATH + ".baseUrl: must be an absolute http:// or https:// URL, got '" + url + "'",
        message(() -> s.requiredHttpUrl("baseUrl")));
  }

  @Test
  void requiredHttpUrlReportsUnparsableUrls() {
    ConfigSection s = section("{\"baseUrl\":\"https://exa mple.com/\"}");

    assertEquals(PATH + ".baseUrl: is not a valid URL: 'https://exa mple.com/'", message(() -> s.requiredHttpUrl("baseUrl")));
  }

  @Test
  void requiredHttpUrlIsRequired() {
    assertEquals(PATH + ".baseUrl: is required", message(() -> section("{}").requiredHttpUrl("baseUrl")));
  }

  @Test
  void invalidBuildsAMessageForAnyKeyOfTheSection() {
    assertEquals(PATH + ".apiKey: looks like a placeholder", section("{}").invalid("apiKey", "looks like a placeholder").getMessage());
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
