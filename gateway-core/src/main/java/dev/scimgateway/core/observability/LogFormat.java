package dev.scimgateway.core.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** How request and audit lines are written: readable {@code key=value} text, or one JSON object a line. */
public enum LogFormat {
  TEXT {
    @Override
    String format(String type, Map<String, Object> fields) {
      // A plain loop: this runs for every request, and streams cost a measurable share of it.
      StringBuilder line = LogTimestamp.append(new StringBuilder(192), Instant.now()).append(' ').append(type).append(' ');
      boolean first = true;
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        if (field.getValue() == null) {
          continue;
        }
        if (!first) {
          line.append(' ');
        }
        first = false;
        line.append(field.getKey()).append('=');
        appendText(line, String.valueOf(field.getValue()));
      }
      return line.toString();
    }
  },
  JSON {
    @Override
    String format(String type, Map<String, Object> fields) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("time", LogTimestamp.of(Instant.now()));
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

  /** The value as is, or quoted (backslashes and quotes escaped) when it is empty or holds a space, a quote or {@code =}. */
  private static void appendText(StringBuilder line, String text) {
    boolean quote = text.isEmpty();
    for (int i = 0; i < text.length() && !quote; i++) {
      char c = text.charAt(i);
      quote = c == ' ' || c == '"' || c == '=';
    }
    if (!quote) {
      line.append(text);
      return;
    }
    line.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '"') {
        line.append('\\');
      }
      line.append(c);
    }
    line.append('"');
  }
}
