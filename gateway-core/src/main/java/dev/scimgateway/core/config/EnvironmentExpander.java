package dev.scimgateway.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimgateway.adapter.api.InvalidConfigException;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:-default}} in every string value of a configuration tree.
 * A reference to an unset variable without a default is a {@link InvalidConfigException} naming the key and
 * the variable; {@code $${…}} stays literal.
 */
final class EnvironmentExpander {

  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Function<String, String> environment;

  EnvironmentExpander(Function<String, String> environment) {
    this.environment = environment;
  }

  static EnvironmentExpander ofSystem() {
    Map<String, String> env = System.getenv();
    return new EnvironmentExpander(env::get);
  }

  void expandInPlace(JsonNode node, String path) {
    if (node instanceof ObjectNode object) {
      var fields = object.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (field.getValue().isTextual()) {
          field.setValue(TextNode.valueOf(expand(field.getValue().asText(), childPath)));
        } else {
          expandInPlace(field.getValue(), childPath);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        String childPath = path + "[" + i + "]";
        if (array.get(i).isTextual()) {
          array.set(i, TextNode.valueOf(expand(array.get(i).asText(), childPath)));
        } else {
          expandInPlace(array.get(i), childPath);
        }
      }
    }
  }

  private String expand(String value, String path) {
    Matcher matcher = REFERENCE.matcher(value);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String replacement;
      if (matcher.group().equals("$$")) {
        replacement = "$";
      } else {
        String name = matcher.group(1);
        String fallback = matcher.group(2);
        String fromEnvironment = environment.apply(name);
        if (fromEnvironment != null) {
          replacement = fromEnvironment;
        } else if (fallback != null) {
          replacement = fallback;
        } else {
          throw new InvalidConfigException(path + ": environment variable " + name + " is not set");
        }
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(result);
    return result.toString();
  }
}
