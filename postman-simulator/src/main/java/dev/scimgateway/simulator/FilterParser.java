package dev.scimgateway.simulator;

import java.util.Optional;

/**
 * Parses the (already URL-decoded) {@code filter} of GET /Users and GET /Groups. Postman supports one comparison
 * only: on users {@code userName eq "<v>"} (also {@code '<v>'}, as in the 2022 collection) and
 * {@code active eq "true"|"false"} (quoted as in the OpenAPI examples, or bare); on groups
 * {@code displayName eq "<v>"} (or {@code '<v>'}). Attribute names and the operator are case-insensitive, as RFC 7644
 * requires; the value is matched as written. Every other attribute, operator, {@code and}/{@code or}/{@code not},
 * grouping or trailing text is unsupported.
 */
final class FilterParser {

  private final String text;
  private int pos;

  private FilterParser(String text) {
    this.text = text;
  }

  /** The users filter, or empty when Postman would answer "You’ve used filter(s) that Postman doesn’t support." */
  static Optional<UserFilter> parse(String filter) {
    return new FilterParser(filter).equality().flatMap(FilterParser::userFilter);
  }

  /** The groups filter, or empty when Postman would answer "You’ve used filter(s) that Postman doesn’t support." */
  static Optional<GroupFilter> parseGroupFilter(String filter) {
    return new FilterParser(filter).equality()
        .filter(eq -> eq.attribute().equalsIgnoreCase("displayName") && eq.value().quoted())
        .map(eq -> new GroupFilter(eq.value().text()));
  }

  private static Optional<UserFilter> userFilter(Equality eq) {
    Value value = eq.value();
    if (eq.attribute().equalsIgnoreCase("userName") && value.quoted()) {
      return Optional.of(new UserFilter.UserNameEq(value.text()));
    }
    if (eq.attribute().equalsIgnoreCase("active") && (value.text().equals("true") || value.text().equals("false"))) {
      return Optional.of(new UserFilter.ActiveEq(Boolean.parseBoolean(value.text())));
    }
    return Optional.empty();
  }

  /** The whole text as one {@code <attribute> eq <value>}, or empty. */
  private Optional<Equality> equality() {
    String attribute = word();
    String operator = word();
    Value value = value();
    skipSpaces();
    if (attribute == null || operator == null || value == null || pos != text.length()
        || !operator.equalsIgnoreCase("eq")) {
      return Optional.empty();
    }
    return Optional.of(new Equality(attribute, value));
  }

  private record Equality(String attribute, Value value) {
  }

  private record Value(String text, boolean quoted) {
  }

  private String word() {
    skipSpaces();
    int start = pos;
    while (pos < text.length() && isWordChar(text.charAt(pos))) {
      pos++;
    }
    return pos > start ? text.substring(start, pos) : null;
  }

  private Value value() {
    skipSpaces();
    if (pos >= text.length()) {
      return null;
    }
    char open = text.charAt(pos);
    if (open == '"') {
      return doubleQuoted();
    }
    if (open == '\'') {
      int close = text.indexOf('\'', pos + 1);
      if (close < 0) {
        return null;
      }
      String v = text.substring(pos + 1, close);
      pos = close + 1;
      return new Value(v, true);
    }
    String bare = word();
    return bare == null ? null : new Value(bare, false);
  }

  /** A JSON-style string: {@code \"} and {@code \\} are the only escapes. */
  private Value doubleQuoted() {
    StringBuilder v = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return new Value(v.toString(), true);
      }
      if (c == '\\') {
        if (pos >= text.length()) {
          return null;
        }
        char escaped = text.charAt(pos++);
        if (escaped != '"' && escaped != '\\') {
          return null;
        }
        v.append(escaped);
      } else {
        v.append(c);
      }
    }
    return null;
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isWordChar(char c) {
    return !Character.isWhitespace(c) && c != '"' && c != '\'' && c != '(' && c != ')' && c != '[' && c != ']';
  }
}
