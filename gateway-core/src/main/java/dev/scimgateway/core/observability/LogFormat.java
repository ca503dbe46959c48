package dev.scimgateway.core.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** How request and audit lines are written: readable {@code key=value} text, or one JSON object a line. */
public enum LogFormat {
  TEXT {
    @Override
    String format(String type, Map<String, Object> fields) {
      return Instant.now() + " " + type + " " + fields.entrySet().stream()
          .filter(field -> field.getValue() != null)
          .map(field -> field.getKey() + "=" + text(field.getValue()))
          .collect(Collectors.joining(" "));
    }
  },
  JSON {
    @Override
    String format(String type, Map<String, Object> fields) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("time", Instant.now().toString());
      line.put("type", type);
      line.putAll(fields);
      try {
        return MAPPER.writeValueAsString(line);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a log line of plain values always serializes", e);
      }
    }
  };

  private static final ObjectMapper MAPPER = new ObjectMapper();

  abstract String format(String type, Map<String, Object> fields);

  private static String text(Object value) {
    String text = String.valueOf(value);
    return text.isEmpty() || text.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=')
        ? '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"'
        : text;
  }
}
