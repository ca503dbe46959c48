package dev.scimgateway.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scimgateway.adapter.api.InvalidConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final Map<String, String> ENV = Map.of(
      "ACME_TOKEN", "acme-token-from-env",
      "POSTMAN_KEY", "PMAK-from-env",
      "PORT", "9443",
      "EMPTY", "",
      "SELF_REFERENCE", "${POSTMAN_KEY}");

  private static final String FULL = """
      server:
        host: 127.0.0.1
        port: 8443
        requestTimeoutMillis: 5000
        maxBodyBytes: 2048
      tenants:
        acme:
          token: "${ACME_TOKEN}"
          adapter: postman
          postman:
            baseUrl: "https://api.getpostman.com/scim/v2"
            apiKey: "${POSTMAN_KEY}"
            rateLimit:
              requests: 100
        globex-2_b:
          token: literal-globex-token
          adapter: memory
      """;

  private static GatewayConfig parse(String yaml) {
    return ConfigLoader.withEnvironment(ENV).parse(yaml, "gateway.yaml");
  }

  private static String error(String yaml) {
    return assertThrows(InvalidConfigException.class, () -> parse(yaml)).getMessage();
  }

  @Test
  void aFullConfigurationParsesIntoItsRecords() {
    GatewayConfig config = parse(FULL);

    assertEquals(new ServerConfig("127.0.0.1", 8443, Duration.ofMillis(5000), 2048, true), config.server());
    assertEquals(List.of("acme", "globex-2_b"), config.tenants().stream().map(TenantConfig::name).toList());

    TenantConfig acme = config.tenants().get(0);
    assertEquals(List.of("acme-token-from-env"), acme.tokens());
    assertEquals("postman", acme.adapter());
    assertEquals("tenants.acme.postman", acme.adapterSettings().path());
    assertEquals("PMAK-from-env", acme.adapterSettings().requiredString("apiKey"));
    assertEquals(100, acme.adapterSettings().section("rateLimit").intOr("requests", 180, 1, 1000));
    acme.requireOnlyKnownKeys();

    TenantConfig globex = config.tenants().get(1);
    assertEquals(List.of("literal-globex-token"), globex.tokens());
    assertEquals("memory", globex.adapter());
    assertFalse(globex.adapterSettings().isPresent());
    assertEquals("tenants.globex-2_b.memory", globex.adapterSettings().path());
  }

  @Test
  void tenantConfigToStringDoesNotRevealTheToken() {
    GatewayConfig config = parse(FULL);

    assertFalse(config.tenants().get(0).toString().contains("acme-token-from-env"));
    assertFalse(config.toString().contains("acme-token-from-env"));
  }

  @Test
  void serverDefaultsApplyWhenTheSectionIsAbsent() {
    GatewayConfig config = parse("""
        tenants:
          acme: {token: t, adapter: memory}
        """);

    assertEquals(new ServerConfig(ServerConfig.DEFAULT_HOST, 8080, Duration.ofSeconds(30), 1024 * 1024, true), config.server());
  }

  @Test
  void serverDefaultsApplyPerKey() {
    GatewayConfig config = parse("""
        server:
          port: 0
        tenants:
          acme: {token: t, adapter: memory}
        """);

    assertEquals(0, config.server().port());
    assertEquals("0.0.0.0", config.server().host());
    assertEquals(ServerConfig.DEFAULT_REQUEST_TIMEOUT, config.server().requestTimeout());
    assertEquals(ServerConfig.DEFAULT_MAX_BODY_BYTES, config.server().maxBodyBytes());
  }

  @Test
  void anonymousDiscoveryIsOnByDefaultAndCanBeTurnedOff() {
    assertTrue(parse("tenants:\n  acme: {token: t, adapter: memory}\n").server().anonymousDiscovery());
    assertFalse(parse("server:\n  anonymousDiscovery: false\ntenants:\n  acme: {token: t, adapter: memory}\n")
        .server().anonymousDiscovery());
    assertFalse(parse("server:\n  anonymousDiscovery: \"false\"\ntenants:\n  acme: {token: t, adapter: memory}\n")
        .server().anonymousDiscovery());
    assertEquals("server.anonymousDiscovery: must be true or false, got 'no'",
        error("server:\n  anonymousDiscovery: \"no\"\ntenants:\n  acme: {token: t, adapter: memory}\n"));
  }

  @Test
  void variablesExpandWithDefaultsAndEscapes() {
    GatewayConfig config = parse("""
        server:
          port: "${PORT}"
        tenants:
          acme:
            token: "pre-${ACME_TOKEN}-post"
            adapter: "${ADAPTER_NAME:-memory}"
            memory:
              set: "${POSTMAN_KEY:-unused-default}"
              emptyDefault: "x${UNSET_ONE:-}y"
              setButEmpty: "${EMPTY:-fallback}"
              literal: "$${NOT_EXPANDED}"
              twoRefs: "${ACME_TOKEN}/${POSTMAN_KEY}"
              notRecursive: "${SELF_REFERENCE}"
              noBraces: "cost: $5 and $HOME"
              inList: ["${POSTMAN_KEY}", "plain"]
        """);

    TenantConfig acme = config.tenants().get(0);
    var memory = acme.adapterSettings();
    assertEquals(9443, config.server().port(), "a numeric string from the environment is a number");
    assertEquals(List.of("pre-acme-token-from-env-post"), acme.tokens());
    assertEquals("memory", acme.adapter());
    assertEquals("PMAK-from-env", memory.requiredString("set"));
    assertEquals("xy", memory.string("emptyDefault").orElseThrow());
    assertEquals("", memory.string("setButEmpty").orElseThrow(), "a set variable wins over the default, even empty");
    assertEquals("${NOT_EXPANDED}", memory.string("literal").orElseThrow());
    assertEquals("acme-token-from-env/PMAK-from-env", memory.string("twoRefs").orElseThrow());
    assertEquals("${POSTMAN_KEY}", memory.string("notRecursive").orElseThrow(), "values are not expanded twice");
    assertEquals("cost: $5 and $HOME", memory.string("noBraces").orElseThrow());
  }

  @Test
  void anUnsetVariableNamesTheKeyAndTheVariable() {
    String message = error("""
        tenants:
          acme:
            token: t
            adapter: postman
            postman:
              apiKey: "${UNSET_KEY}"
        """);

    assertEquals("tenants.acme.postman.apiKey: environment variable UNSET_KEY is not set", message);
  }

  @Test
  void anUnsetVariableInAListNamesTheElement() {
    String message = error("""
        tenants:
          acme:
            token: t
            adapter: memory
            memory:
              hosts: [ok, "${UNSET_HOST}"]
        """);

    assertEquals("tenants.acme.memory.hosts[1]: environment variable UNSET_HOST is not set", message);
  }

  @Test
  void theMessageOfAnUnsetVariableDoesNotContainOtherValues() {
    String message = error("""
        tenants:
          acme:
            token: "${ACME_TOKEN}-${UNSET}"
            adapter: memory
        """);

    assertFalse(message.contains("acme-token-from-env"), message);
  }

  @Test
  void invalidYamlIsReportedWithLineAndColumn() {
    String message = error("""
        tenants:
          acme:
            token: "unclosed
            adapter: memory
        """);

    assertTrue(message.startsWith("gateway.yaml: invalid YAML at line "), message);
    assertTrue(Pattern.compile("at line \\d+, column \\d+: \\S").matcher(message).find(), message);
    assertEquals(1, message.lines().count(), message);
  }

  @Test
  void invalidYamlPointsAtTheRightLine() {
    String message = error("tenants:\n  acme:\n    token: t\n  - broken\n");

    assertTrue(message.contains("at line 4,"), message);
  }

  @Test
  void emptyAndCommentOnlyFilesAreRejected() {
    assertEquals("gateway.yaml: is empty; it needs at least a 'tenants' section", error(""));
    assertEquals("gateway.yaml: is empty; it needs at least a 'tenants' section", error("# nothing here\n"));
  }

  @Test
  void structuralErrorsNameTheKey() {
    assertEquals("tenants: at least one tenant is required", error("server:\n  port: 1\n"));
    assertEquals("tenants: at least one tenant is required", error("tenants: {}\n"));
    assertEquals("tenants.acme.adapter: is required", error("tenants:\n  acme:\n    token: t\n"));
    assertEquals("tenants.acme.token: is required (or tokens, or tokenSha256)", error("tenants:\n  acme:\n    adapter: memory\n"));
    assertTrue(error("tenants:\n  acme: {token: t, adapter: m}\nserver:\n  maxBodyBytes: 100\n")
        .startsWith("server.maxBodyBytes: must be between 1024 and "));
    assertTrue(error("tenants:\n  acme: {token: t, adapter: m}\nserver:\n  prot: 1\n")
        .startsWith("server.prot: unknown key"));
    assertTrue(error("tenants:\n  \"a.b\": {token: t, adapter: m}\n")
        .startsWith("tenants.a.b: a tenant name is its URL path segment"));
  }

  @Test
  void eventLoopsDefaultToOnePerCoreAndMustBeAtLeastOne() {
    String tenants = "tenants:\n  acme: {token: t, adapter: m}\n";
    assertEquals(Runtime.getRuntime().availableProcessors(), parse(tenants).server().eventLoops());
    assertEquals(4, parse(tenants + "server:\n  eventLoops: 4\n").server().eventLoops());
    assertEquals("server.eventLoops: must be between 1 and 1024, got 0", error(tenants + "server:\n  eventLoops: 0\n"));
    assertEquals("server.eventLoops: must be between 1 and 1024, got -2", error(tenants + "server:\n  eventLoops: -2\n"));
    assertEquals("server.eventLoops: must be a whole number, got 'many'", error(tenants + "server:\n  eventLoops: many\n"));
  }

  @Test
  void tenantKeysOtherThanTokenAdapterAndItsSectionAreRejectedOnRequest() {
    TenantConfig acme = parse("""
        tenants:
          acme:
            token: t
            adapter: postman
            memory: {}
        """).tenants().get(0);

    var error = assertThrows(InvalidConfigException.class, acme::requireOnlyKnownKeys);

    assertTrue(error.getMessage().startsWith("tenants.acme.memory: unknown key (expected one of adapter, postman, token, tokenSha256, tokens)"),
        error.getMessage());
  }

  @Test
  void loadReadsAFileAndNamesMissingOnes(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("gateway.yaml"), "tenants:\n  acme: {token: t, adapter: memory}\n");

    assertEquals("acme", ConfigLoader.withEnvironment(Map.of()).load(file).tenants().get(0).name());

    Path missing = dir.resolve("missing.yaml");
    var error = assertThrows(InvalidConfigException.class, () -> ConfigLoader.withEnvironment(Map.of()).load(missing));
    assertEquals(missing + ": no such file", error.getMessage());
  }

  @Test
  void theSourceNameIsUsedInYamlErrors(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("broken.yaml"), "tenants: [\n");

    var error = assertThrows(InvalidConfigException.class, () -> ConfigLoader.withEnvironment(Map.of()).load(file));

    assertTrue(error.getMessage().startsWith(file + ": invalid YAML"), error.getMessage());
  }

  @Test
  void aSecretFileIsReadWithoutItsTrailingLineBreak(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("acme-token"), "token-from-a-file\n");

    var acme = parse("tenants:\n  acme: {token: \"${file:" + secret + "}\", adapter: memory}\n").tenants().get(0);

    assertEquals(List.of("token-from-a-file"), acme.tokens());
  }

  @Test
  void aMissingSecretFileNamesTheKeyAndTheFileButNoValue(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-secret");

    String message = error("tenants:\n  acme: {token: \"${file:" + missing + "}\", adapter: memory}\n");

    assertEquals("tenants.acme.token: secret file " + missing + " does not exist", message);
  }

  @Test
  void severalTokensAndDigestsAreAcceptedDuringARotation() {
    String digest = "a".repeat(64);

    var acme = parse("""
        tenants:
          acme:
            tokens: ["old-token", "new-token"]
            tokenSha256: [%s]
            adapter: memory
        """.formatted(digest)).tenants().get(0);

    assertEquals(List.of("old-token", "new-token"), acme.tokens());
    assertEquals(List.of(digest), acme.tokenSha256s());
    acme.requireOnlyKnownKeys();
  }

  @Test
  void aTenantNeedsATokenOrADigestAndDigestsAreHex() {
    assertEquals("tenants.acme.token: is required (or tokens, or tokenSha256)",
        error("tenants:\n  acme: {adapter: memory}\n"));
    assertEquals("tenants.acme.tokenSha256: must be 64 hexadecimal digits (the SHA-256 of the token)",
        error("tenants:\n  acme: {tokenSha256: not-hex, adapter: memory}\n"));
  }

  @Test
  void connectionLimitsAndTlsHaveDefaultsAndCanBeSet() {
    ServerConfig defaults = parse("tenants:\n  acme: {token: t, adapter: memory}\n").server();
    assertEquals(ConnectionLimits.defaults(), defaults.connections());
    assertTrue(defaults.tls().isEmpty());

    ServerConfig set = parse("""
        server:
          idleTimeoutMillis: 1000
          headerReadTimeoutMillis: 2000
          bodyReadTimeoutMillis: 3000
          tls: {certFile: /etc/gw/cert.pem, keyFile: /etc/gw/key.pem}
        tenants:
          acme: {token: t, adapter: memory}
        """).server();
    assertEquals(new ConnectionLimits(Duration.ofMillis(1000), Duration.ofMillis(2000), Duration.ofMillis(3000)), set.connections());
    assertEquals(new TlsConfig(Path.of("/etc/gw/cert.pem"), Path.of("/etc/gw/key.pem"), TlsConfig.DEFAULT_RELOAD_INTERVAL),
        set.tls().orElseThrow());
    assertTrue(error("server:\n  tls: {certFile: /c.pem}\ntenants:\n  acme: {token: t, adapter: memory}\n")
        .startsWith("server.tls.keyFile: is required"));
  }
}
