package dev.scimgateway.simulator;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks User bodies the way the stricter reading of Postman's docs requires: {@code userName} an email address,
 * {@code name.givenName} and {@code name.familyName} non-blank strings. Anything else a body carries (emails,
 * displayName, locale, groups, …) is accepted and dropped.
 */
final class UserValidator {

  /** What POST /Users keeps of a valid body. */
  record NewUser(String userName, String givenName, String familyName, String externalId, boolean active) {
  }

  /** The name part of a PUT body. */
  record Name(String givenName, String familyName) {
  }

  private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final Pattern EMAIL =
      Pattern.compile(ATEXT + "(?:\\." + ATEXT + ")*@" + LABEL + "(?:\\." + LABEL + ")*\\.[A-Za-z]{2,63}");

  private UserValidator() {
  }

  /** A dot-atom local part, {@code @}, and a domain of at least two labels ending in an alphabetic TLD. */
  static boolean isEmail(String s) {
    if (s == null || s.length() > 254) {
      return false;
    }
    int at = s.lastIndexOf('@');
    return at > 0 && at <= 64 && EMAIL.matcher(s).matches();
  }

  /** The user a POST body describes, or empty when the body is invalid. */
  static Optional<NewUser> forCreate(JsonObject body) {
    Object userName = body.getValue("userName");
    Optional<Name> name = name(body);
    Object externalId = body.getValue("externalId");
    Object active = body.getValue("active");
    if (!(userName instanceof String email) || !isEmail(email) || name.isEmpty()
        || (externalId != null && !(externalId instanceof String))
        || (active != null && !(active instanceof Boolean))) {
      return Optional.empty();
    }
    return Optional.of(new NewUser(email, name.get().givenName(), name.get().familyName(), (String) externalId,
        active == null || (Boolean) active));
  }

  /** {@code name.givenName} and {@code name.familyName}, or empty when either is missing, blank or not a string. */
  static Optional<Name> name(JsonObject body) {
    if (!(body.getValue("name") instanceof JsonObject name)) {
      return Optional.empty();
    }
    Object given = name.getValue("givenName");
    Object family = name.getValue("familyName");
    if (given instanceof String g && !g.isBlank() && family instanceof String f && !f.isBlank()) {
      return Optional.of(new Name(g, f));
    }
    return Optional.empty();
  }
}
