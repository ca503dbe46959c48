package dev.scimgateway.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scimgateway.adapter.api.ConfigSection;
import dev.scimgateway.adapter.api.InvalidConfigException;
import dev.scimgateway.core.observability.AsyncLogAppender;
import dev.scimgateway.core.observability.LogFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the YAML configuration file, expands {@code ${ENV}} references and validates it into a
 * {@link GatewayConfig}. Every problem is an {@link InvalidConfigException} with a one-line message.
 *
 * <p>Whether a tenant's adapter exists, and which keys its section may have, is checked when the
 * adapters are created, still before the server listens.
 */
public final class ConfigLoader {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final int MAX_EVENT_LOOPS = 1024;
  private static final Pattern TENANT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,62}");

  private final EnvironmentExpander expander;

  private ConfigLoader(EnvironmentExpander expander) {
    this.expander = expander;
  }

  /** A loader that expands references from the process environment. */
  public static ConfigLoader withSystemEnvironment() {
    return new ConfigLoader(EnvironmentExpander.ofSystem());
  }

  /** A loader that expands references from the given variables only (tests). */
  public static ConfigLoader withEnvironment(Map<String, String> environment) {
    return new ConfigLoader(new EnvironmentExpander(environment::get));
  }

  public GatewayConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InvalidConfigException(file + ": no such file");
    } catch (IOException e) {
      throw new InvalidConfigException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    return parse(text, file.toString());
  }

  /** Parses YAML text; {@code source} names it in messages. */
  public GatewayConfig parse(String yaml, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new InvalidConfigException(source + ": invalid YAML" + where(e.getLocation()) + ": "
          + firstLine(e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new InvalidConfigException(source + ": is empty; it needs at least a 'tenants' section");
    }
    expander.expandInPlace(root, "");
    return fromTree(root);
  }

  /** Validates an already-parsed (and expanded) configuration tree. */
  public GatewayConfig fromTree(JsonNode root) {
    ConfigSection top = new ConfigSection("", root)
        .requireOnlyKeys(Set.of("server", "limits", "management", "logging", "metrics", "readiness", "cluster", "tenants"));
    ServerConfig server = server(top.section("server"));
    return new GatewayConfig(server, limits(top.section("limits")), operations(top, server),
        tenants(top.section("tenants"), root.path("tenants")), ClusterConfig.from(top.section("cluster")));
  }

  private static RequestLimits limits(ConfigSection limits) {
    limits.requireOnlyKeys(Set.of("maxPatchOperations", "maxFilterLength", "maxFilterDepth", "maxValuesExamined"));
    return new RequestLimits(
        limits.intOr("maxPatchOperations", RequestLimits.DEFAULT_MAX_PATCH_OPERATIONS, 1, 100_000),
        limits.intOr("maxFilterLength", RequestLimits.DEFAULT_MAX_FILTER_LENGTH, 16, 1_000_000),
        limits.intOr("maxFilterDepth", RequestLimits.DEFAULT_MAX_FILTER_DEPTH, 1, 1_000),
        limits.intOr("maxValuesExamined", (int) RequestLimits.DEFAULT_MAX_VALUES_EXAMINED, 1, Integer.MAX_VALUE));
  }

  private static ServerConfig server(ConfigSection server) {
    server.requireOnlyKeys(Set.of("host", "port", "requestTimeoutMillis", "maxBodyBytes", "anonymousDiscovery",
        "idleTimeoutMillis", "headerReadTimeoutMillis", "bodyReadTimeoutMillis", "tls", "eventLoops"));
    return new ServerConfig(
        server.string("host").orElse(ServerConfig.DEFAULT_HOST),
        server.intOr("port", ServerConfig.DEFAULT_PORT, 0, 65535),
        server.millisOr("requestTimeoutMillis", ServerConfig.DEFAULT_REQUEST_TIMEOUT),
        server.intOr("maxBodyBytes", (int) ServerConfig.DEFAULT_MAX_BODY_BYTES, 1024, 64 * 1024 * 1024),
        server.booleanOr("anonymousDiscovery", true),
        new ConnectionLimits(
            server.millisOr("idleTimeoutMillis", ConnectionLimits.DEFAULT_IDLE_TIMEOUT),
            server.millisOr("headerReadTimeoutMillis", ConnectionLimits.DEFAULT_HEADER_READ_TIMEOUT),
            server.millisOr("bodyReadTimeoutMillis", ConnectionLimits.DEFAULT_BODY_READ_TIMEOUT)),
        tls(server.section("tls")),
        server.intOr("eventLoops", ServerConfig.DEFAULT_EVENT_LOOPS, 1, MAX_EVENT_LOOPS));
  }

  private static Optional<TlsConfig> tls(ConfigSection tls) {
    if (!tls.isPresent()) {
      return Optional.empty();
    }
    tls.requireOnlyKeys(Set.of("certFile", "keyFile", "reloadIntervalMillis"));
    return Optional.of(new TlsConfig(
        Path.of(tls.requiredString("certFile")),
        Path.of(tls.requiredString("keyFile")),
        tls.millisOr("reloadIntervalMillis", TlsConfig.DEFAULT_RELOAD_INTERVAL)));
  }

  private static OperationsConfig operations(ConfigSection top, ServerConfig server) {
    ConfigSection logging = top.section("logging").requireOnlyKeys(Set.of("format", "bufferLines"));
    ConfigSection management = top.section("management").requireOnlyKeys(Set.of("host", "port"));
    ConfigSection readiness = top.section("readiness").requireOnlyKeys(Set.of("probeUpstream", "timeoutMillis"));
    ConfigSection metrics = top.section("metrics").requireOnlyKeys(Set.of("vertxHttp"));
    String format = logging.string("format").orElse("text");
    if (!format.equals("text") && !format.equals("json")) {
      throw logging.invalid("format", "must be text or json, got '" + format + "'");
    }
    return new OperationsConfig(
        format.equals("json") ? LogFormat.JSON : LogFormat.TEXT,
        logging.intOr("bufferLines", AsyncLogAppender.DEFAULT_BUFFER_LINES, 1, 10_000_000),
        management.string("port").isPresent()
            ? OptionalInt.of(management.intOr("port", 0, 0, 65535))
            : OptionalInt.empty(),
        management.string("host").orElse(server.host()),
        readiness.booleanOr("probeUpstream", false),
        readiness.millisOr("timeoutMillis", OperationsConfig.DEFAULT_PROBE_TIMEOUT),
        metrics.booleanOr("vertxHttp", false));
  }

  private static List<TenantConfig> tenants(ConfigSection tenants, JsonNode tree) {
    if (!tenants.isPresent() || tenants.sections().isEmpty()) {
      throw new InvalidConfigException("tenants: at least one tenant is required");
    }
    List<TenantConfig> result = new ArrayList<>();
    tenants.sections().forEach((name, tenant) -> {
      if (!TENANT_NAME.matcher(name).matches()) {
        throw new InvalidConfigException("tenants." + name
            + ": a tenant name is its URL path segment: letters, digits, '-' and '_' only");
      }
      String adapter = tenant.requiredString("adapter");
      JsonNode node = tree.path(name);
      List<String> tokens = new ArrayList<>(strings(tenant, node, "token"));
      tokens.addAll(strings(tenant, node, "tokens"));
      List<String> digests = strings(tenant, node, "tokenSha256");
      for (String digest : digests) {
        if (!SHA256_HEX.matcher(digest).matches()) {
          throw tenant.invalid("tokenSha256", "must be 64 hexadecimal digits (the SHA-256 of the token)");
        }
      }
      if (tokens.isEmpty() && digests.isEmpty()) {
        throw tenant.invalid("token", "is required (or tokens, or tokenSha256)");
      }
      result.add(new TenantConfig(name, tokens, digests, adapter, tenant));
    });
    return result;
  }

  /** A key that holds one string or a list of them; each must be non-blank. */
  private static List<String> strings(ConfigSection section, JsonNode parent, String key) {
    JsonNode value = parent.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return List.of();
    }
    List<JsonNode> items = new ArrayList<>();
    if (value.isArray()) {
      value.forEach(items::add);
    } else {
      items.add(value);
    }
    List<String> strings = new ArrayList<>();
    for (JsonNode item : items) {
      if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
        throw section.invalid(key, "must be a non-empty string or a list of them"
            + " (if it names an environment variable or a file, is it set?)");
      }
      strings.add(item.asText().trim());
    }
    return strings;
  }

  private static String where(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable").trim();
  }
}
