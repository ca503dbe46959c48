package dev.scimgateway.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimgateway.adapter.api.InvalidConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:-default}} in every string value of a configuration tree,
 * and {@code ${file:/run/secrets/name}} to the content of that file without its trailing line break
 * (Kubernetes and Docker secrets). A reference to an unset variable without a default, or to a file
 * that cannot be read, is a {@link InvalidConfigException} naming the key and the variable or file,
 * never a value; {@code $${…}} stays literal.
 */
final class EnvironmentExpander {

  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\$|\\$\\{file:([^}]+)}|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

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
      } else if (matcher.group(1) != null) {
        replacement = secretFile(matcher.group(1).trim(), path);
      } else {
        String name = matcher.group(2);
        String fallback = matcher.group(3);
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

  private static String secretFile(String file, String path) {
    try {
      return Files.readString(Path.of(file)).replaceFirst("[\\r\\n]+$", "");
    } catch (NoSuchFileException e) {
      throw new InvalidConfigException(path + ": secret file " + file + " does not exist");
    } catch (IOException | InvalidPathException | UncheckedIOException e) {
      throw new InvalidConfigException(path + ": secret file " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
