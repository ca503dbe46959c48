package dev.scimgateway.adapter.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One section of the gateway's configuration, already parsed and with {@code ${ENV}} references
 * expanded, with typed accessors whose {@link InvalidConfigException}s name the full key.
 *
 * <pre>{@code
 * String apiKey = section.requiredString("apiKey");
 * int requests = section.section("rateLimit").intOr("requests", 180, 1, 100_000);
 * }</pre>
 */
public final class ConfigSection {

  private final String path;
  private final JsonNode node;

  /**
   * @param path the section's key path, used in messages, e.g. {@code tenants.acme.postman}
   * @param node the section; {@code null} or missing means an empty section
   */
  public ConfigSection(String path, JsonNode node) {
    this.path = path;
    this.node = node == null ? MissingNode.getInstance() : node;
    if (isPresent() && !this.node.isObject()) {
      throw new InvalidConfigException(path + ": must be a mapping of keys to values");
    }
  }

  /** The section's key path, e.g. {@code tenants.acme.postman}. */
  public String path() {
    return path;
  }

  /** Whether the section was given at all. */
  public boolean isPresent() {
    return !node.isMissingNode() && !node.isNull();
  }

  /** Fails on any key not in {@code allowed}, so that a typo does not go unnoticed. */
  public ConfigSection requireOnlyKeys(Set<String> allowed) {
    node.fieldNames().forEachRemaining(key -> {
      if (!allowed.contains(key)) {
        throw invalid(key, "unknown key (expected one of " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
    });
    return this;
  }

  /** A nested section; an absent one is empty, so its accessors fall back to their defaults. */
  public ConfigSection section(String key) {
    return new ConfigSection(keyPath(key), node.path(key));
  }

  /** The keys of this section, in the order written. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return List.copyOf(keys);
  }

  /** The nested sections of this one, by key, in the order written. */
  public Map<String, ConfigSection> sections() {
    Map<String, ConfigSection> sections = new LinkedHashMap<>();
    node.fieldNames().forEachRemaining(key -> sections.put(key, section(key)));
    return sections;
  }

  /** A string value, or empty when absent. */
  public Optional<String> string(String key) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      throw invalid(key, "must be a single value, not a list or mapping");
    }
    return Optional.of(value.asText());
  }

  /** A list of single values as strings, e.g. {@code [User, Group]}, or empty when absent. */
  public Optional<List<String>> strings(String key) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isArray()) {
      throw invalid(key, "must be a list, e.g. [a, b]");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isValueNode() || element.isNull() || element.asText().isBlank()) {
        throw invalid(key, "must be a list of non-empty single values");
      }
      values.add(element.asText());
    }
    return Optional.of(List.copyOf(values));
  }

  /** A string value that must be present and non-blank. */
  public String requiredString(String key) {
    String value = string(key).orElseThrow(() -> invalid(key, "is required"));
    if (value.isBlank()) {
      throw invalid(key, "must not be empty (if it names an environment variable, is that variable set?)");
    }
    return value;
  }

  /** An absolute http(s) URL that must be present. */
  public URI requiredHttpUrl(String key) {
    String value = requiredString(key);
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
      if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
        throw invalid(key, "must be an absolute http:// or https:// URL, got '" + value + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid(key, "is not a valid URL: '" + value + "'");
    }
  }

  /** A whole number within {@code [min, max]}, or {@code defaultValue} when absent. */
  public int intOr(String key, int defaultValue, int min, int max) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return defaultValue;
    }
    long parsed;
    if (value.isIntegralNumber()) {
      parsed = value.asLong();
    } else if (value.isTextual() && value.asText().trim().matches("-?\\d{1,18}")) {
      parsed = Long.parseLong(value.asText().trim());
    } else {
      throw invalid(key, "must be a whole number, got '" + value.asText() + "'");
    }
    if (parsed < min || parsed > max) {
      throw invalid(key, "must be between " + min + " and " + max + ", got " + parsed);
    }
    return (int) parsed;
  }

  /** {@code true} or {@code false}, or {@code defaultValue} when absent. */
  public boolean booleanOr(String key, boolean defaultValue) {
    JsonNode value = node.path(key);
    if (value.isMissingNode() || value.isNull()) {
      return defaultValue;
    }
    String text = value.asText().trim();
    if (value.isBoolean() || text.equals("true") || text.equals("false")) {
      return value.isBoolean() ? value.asBoolean() : Boolean.parseBoolean(text);
    }
    throw invalid(key, "must be true or false, got '" + value.asText() + "'");
  }

  /** A duration given in whole milliseconds (at least 1), or {@code defaultValue} when absent. */
  public Duration millisOr(String key, Duration defaultValue) {
    return Duration.ofMillis(intOr(key, (int) defaultValue.toMillis(), 1, Integer.MAX_VALUE));
  }

  /** An error about {@code key} of this section, for checks the accessors cannot make. */
  public InvalidConfigException invalid(String key, String problem) {
    return new InvalidConfigException(keyPath(key) + ": " + problem);
  }

  private String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
