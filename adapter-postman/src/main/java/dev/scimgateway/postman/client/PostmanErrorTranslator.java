package dev.scimgateway.postman.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import dev.scimgateway.adapter.support.budget.RequestBudget;
import dev.scimgateway.adapter.support.upstream.UpstreamCall;
import dev.scimgateway.adapter.support.upstream.UpstreamErrors;
import dev.scimgateway.postman.PostmanSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns what Postman answered into the error the IdP should see: the one table of the README's
 * "Upstream errors" section.
 *
 * <p>Postman gives one status several meanings (a 400 may mean the team is gone, the body is invalid,
 * the username cannot change…), so each {@link Row} matches Postman's detail text, and the status
 * only where the text alone is ambiguous. Rows are tried in order; the first match wins. Postman's
 * own words are kept verbatim behind {@value #PREFIX}, so the IdP's admin sees where they came from.
 * Upstream credential problems are never passed on as 401 or 403: the IdP's own token is fine, and
 * an IdP that sees 401 blames (or quarantines) its own connection.
 *
 * <p>Not in the table because they never reach it as such: 429 (the client pauses the team's budget
 * and retries; only when the pause outlasts the request's wait bound does the IdP get 429 with
 * {@code Retry-After}, see {@link #rateLimited}), and 5xx/timeouts/connection failures on reads, PUT
 * and PATCH, which the client retries before they come here.
 */
final class PostmanErrorTranslator implements UpstreamErrors {

  /** What every detail taken from Postman starts with. */
  static final String PREFIX = "Postman: ";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
  /** How many member values a detail lists at most. */
  private static final int MEMBERS_NAMED = 10;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>()\\[\\],;:\\\\]+@[^@\\s\"<>()\\[\\],;:\\\\]+\\.[A-Za-z]{2,63}");

  /** How the IdP's detail is written. */
  enum Text {
    /** Postman's detail word for word, prefixed. */
    POSTMAN,
    /** Postman's detail, prefixed, then the row's advice. */
    POSTMAN_AND_ADVICE,
    /** Postman's detail, prefixed, then which attribute of the request Postman most likely refused. */
    POSTMAN_AND_BODY_HINT,
    /** The tenant's upstream credential problem, naming its configuration key, then Postman's detail. */
    CREDENTIAL,
    /** Postman's detail, prefixed, then which of the members the request named are not users of the team. */
    POSTMAN_AND_MEMBERS,
    /** Postman's detail, prefixed, then the group name that is taken. */
    POSTMAN_AND_GROUP_NAME
  }

  /** Which calls a row applies to. */
  enum Scope {
    /** Every call. */
    ANY,
    /** Calls to {@code /Groups}, where Postman's words about "this person" mean a member of the group. */
    GROUPS
  }

  /** What Postman's answer looked like. */
  enum Shape { SCIM, GENERIC, NONE }

  /**
   * One row of the table.
   *
   * @param scope the calls the row applies to
   * @param upstreamStatuses the statuses the row applies to; empty for any
   * @param detailFragment a fragment of Postman's detail, lower case with straight apostrophes; null for any
   * @param scimOnly whether the row applies only to a SCIM error body
   * @param status the status the IdP gets
   * @param scimType the {@code scimType} the IdP gets, or null
   * @param text how the detail is written
   * @param advice what to add for {@link Text#POSTMAN_AND_ADVICE} and {@link Text#CREDENTIAL}
   */
  record Row(Scope scope, Set<Integer> upstreamStatuses, String detailFragment, boolean scimOnly, int status,
      ScimErrorType scimType, Text text, String advice) {

    boolean matches(boolean groupCall, int upstream, String normalizedDetail, Shape shape) {
      return (scope == Scope.ANY || groupCall)
          && (upstreamStatuses.isEmpty() || upstreamStatuses.contains(upstream))
          && (detailFragment == null || normalizedDetail.contains(detailFragment))
          && (!scimOnly || shape == Shape.SCIM);
    }
  }

  private static Row row(Set<Integer> statuses, String fragment, int status, ScimErrorType type, Text text, String advice) {
    return new Row(Scope.ANY, statuses, fragment, false, status, type, text, advice);
  }

  private static Row groupRow(Set<Integer> statuses, String fragment, int status, ScimErrorType type, Text text) {
    return new Row(Scope.GROUPS, statuses, fragment, false, status, type, text, null);
  }

  /** The table, in matching order. Keep README.md's "Upstream errors" table in step with it. */
  static final List<Row> TABLE = List.of(
      row(Set.of(401), null, 502, null, Text.CREDENTIAL,
          "Postman refused the SCIM API key configured for this tenant; set the team's current key"),
      row(Set.of(403), "no longer on your team", 502, null, Text.CREDENTIAL,
          "the SCIM API key configured for this tenant was generated by a Team Admin who has left the Postman team;"
              + " generate a new key (Postman recommends a Super Admin service account) and set it"),
      groupRow(Set.of(403, 404), "person isn't a member of the team", 400, ScimErrorType.INVALID_VALUE,
          Text.POSTMAN_AND_MEMBERS),
      groupRow(Set.of(404), "group isn't a member of the team", 404, null, Text.POSTMAN),
      groupRow(Set.of(409), null, 409, ScimErrorType.UNIQUENESS, Text.POSTMAN_AND_GROUP_NAME),
      row(Set.of(403, 404), "isn't a member of the team", 404, null, Text.POSTMAN, null),
      row(Set.of(403), "not allowed to perform this action", 502, null, Text.CREDENTIAL,
          "the admin who generated the SCIM API key configured for this tenant may not make this change (changing a"
              + " Super Admin needs a key generated by a Super Admin); generate a key with a Super Admin and set it"),
      row(Set.of(403), null, 502, null, Text.CREDENTIAL,
          "Postman refused the request with the SCIM API key configured for this tenant; check the team's SCIM"
              + " settings and the key"),
      row(Set.of(400), "please provide a valid email", 400, ScimErrorType.INVALID_VALUE, Text.POSTMAN_AND_ADVICE,
          "userName must be a valid email address."),
      row(Set.of(400), "unable to update the username", 400, ScimErrorType.MUTABILITY, Text.POSTMAN_AND_ADVICE,
          "Postman changes userName only to an email address in a domain the team has verified."),
      row(Set.of(400), "update this team member's username", 400, ScimErrorType.MUTABILITY, Text.POSTMAN_AND_ADVICE,
          "Postman does not allow this change of userName."),
      row(Set.of(400), "filter", 400, ScimErrorType.INVALID_FILTER, Text.POSTMAN, null),
      row(Set.of(400), "incomplete or have unsupported characters", 400, ScimErrorType.INVALID_SYNTAX,
          Text.POSTMAN_AND_BODY_HINT, null),
      row(Set.of(400), "operation that postman doesn't support", 502, null, Text.POSTMAN_AND_ADVICE,
          "The gateway sent Postman an operation it does not accept; please report this to the gateway's maintainers."),
      row(Set.of(409), null, 409, ScimErrorType.UNIQUENESS, Text.POSTMAN, null),
      new Row(Scope.ANY, Set.of(404), null, true, 404, null, Text.POSTMAN, null),
      row(Set.of(400), "enterprise plan", 400, null, Text.POSTMAN, null),
      row(Set.of(400), "no slots available", 400, null, Text.POSTMAN, null),
      row(Set.of(400), "team doesn't exist", 400, null, Text.POSTMAN, null));

  private final String tenant;
  private final PostmanSettings settings;

  PostmanErrorTranslator(String tenant, PostmanSettings settings) {
    this.tenant = tenant;
    this.settings = settings;
  }

  /** The error for a non-2xx answer other than 429, after a single attempt. */
  ScimFailure translate(UpstreamCall call, int status, String body) {
    return translate(call, status, body, 1);
  }

  /** The error for a non-2xx answer other than 429; {@code attempts} is how many were made. */
  @Override
  public ScimFailure translate(UpstreamCall call, int status, String body, int attempts) {
    UpstreamError error = UpstreamError.parse(body);
    String normalized = error.detail() == null ? "" : normalize(error.detail());
    boolean groupCall = isGroupCall(call);
    for (Row row : TABLE) {
      if (row.matches(groupCall, status, normalized, error.shape())) {
        return new ScimFailure(row.status(), row.scimType(), text(row, call, status, error));
      }
    }
    if (status == 429) {
      return rateLimited(call, body, 60);
    }
    String tries = attempts > 1 ? " (" + attempts + " attempts)" : "";
    if (status == 404) {
      return ScimFailure.badGateway("Postman answered " + call.method() + " " + template(call)
          + " with HTTP 404 but not with a SCIM error" + (error.detail() == null ? "" : " (" + error.detail() + ")")
          + ": no such endpoint; check tenants." + tenant + ".postman.baseUrl." + tries);
    }
    if (status >= 500 || status < 400) {
      return ScimFailure.badGateway("Postman failed on " + call.method() + " " + template(call) + " with HTTP "
          + status + (error.detail() == null ? "" : ": " + error.detail()) + tries);
    }
    return new ScimFailure(status, null, postman(error, status));
  }

  /** A 429 the gateway could not absorb within the request's wait bound. */
  @Override
  public ScimFailure rateLimited(UpstreamCall call, String body, int retryAfterSeconds) {
    UpstreamError error = UpstreamError.parse(body);
    return ScimFailure.tooManyRequests(postman(error, 429) + " (Postman counted more requests for this team than the"
        + " gateway sent: another client shares the team's budget, or tenants." + tenant + ".postman.rateLimit is above"
        + " Postman's limits; the gateway paused the team's " + (call.isWrite() ? "writes" : "reads") + ".) Retry in "
        + retryAfterSeconds + " s.", retryAfterSeconds);
  }

  /** The gateway's own budget refused the request. */
  @Override
  public ScimFailure budgetExceeded(UpstreamCall call, RequestBudget.BudgetExceededException refusal) {
    int seconds = refusal.retryAfterSeconds();
    return ScimFailure.tooManyRequests("The gateway is holding requests to stay within Postman's request budget for"
        + " this tenant's Postman team: " + refusal.getMessage() + ". Retry in " + seconds + " s.", seconds);
  }

  /** The error for a request that got no answer; {@code attempts} is how many were made. */
  @Override
  public ScimFailure connectionFailure(UpstreamCall call, Throwable failure, int attempts) {
    String tries = attempts > 1 ? ", " + attempts + " attempts" : "";
    if (failure instanceof TimeoutException) {
      return ScimFailure.badGateway("Postman did not answer " + call.method() + " " + template(call)
          + " within " + settings.requestTimeout().toMillis() + " ms (tenant " + tenant + tries + ").");
    }
    String cause;
    if (failure instanceof ConnectException || failure instanceof UnknownHostException) {
      cause = "connection failed";
    } else if (failure instanceof SSLException) {
      cause = "TLS failed";
    } else if (failure.getClass().getSimpleName().contains("Closed")) {
      cause = "the connection was closed without an answer";
    } else {
      cause = failure.getClass().getSimpleName();
    }
    return ScimFailure.badGateway("Could not reach Postman at " + settings.baseUrl().getHost() + " for tenant "
        + tenant + " on " + call.method() + " " + template(call) + " (" + cause + tries + ").");
  }

  private String text(Row row, UpstreamCall call, int status, UpstreamError error) {
    return switch (row.text()) {
      case POSTMAN -> postman(error, status);
      case POSTMAN_AND_ADVICE -> postman(error, status) + " " + row.advice();
      case POSTMAN_AND_BODY_HINT -> postman(error, status) + " " + bodyHint(call);
      case CREDENTIAL -> postman(error, status) + " (HTTP " + status + ") The gateway cannot use Postman for tenant "
          + tenant + ": " + row.advice() + " as tenants." + tenant + ".postman.apiKey in the gateway's configuration.";
      case POSTMAN_AND_MEMBERS -> postman(error, status) + " " + memberHint(call);
      case POSTMAN_AND_GROUP_NAME -> postman(error, status) + " " + groupNameHint(call);
    };
  }

  /**
   * Which members Postman refused: the one member a group request added, or those it added when there
   * were several (Postman does not say which of them it refused).
   */
  static String memberHint(UpstreamCall call) {
    List<String> members = addedMembers(call.body());
    if (members.size() == 1) {
      return "The member '" + members.get(0) + "' is not a user of this Postman team: provision the user to Postman"
          + " (and let them join the team) before adding them to a group.";
    }
    if (members.isEmpty()) {
      return "A member of the request is not a user of this Postman team: provision users to Postman (and let them"
          + " join the team) before adding them to a group.";
    }
    String named = String.join(", ", members.subList(0, Math.min(MEMBERS_NAMED, members.size())))
        + (members.size() > MEMBERS_NAMED ? ", …" : "");
    return "At least one of the " + members.size() + " members sent (" + named + ") is not a user of this Postman"
        + " team; Postman does not say which, and none of them was added. Provision the users to Postman (and let"
        + " them join the team) before adding them to a group.";
  }

  /** The member values a POST /Groups or PATCH /Groups/{id} body adds. */
  private static List<String> addedMembers(JsonNode body) {
    List<String> values = new ArrayList<>();
    if (body == null) {
      return values;
    }
    body.path("members").forEach(member -> values.add(member.path("value").asText()));
    for (JsonNode operation : body.path("Operations")) {
      if ("members".equals(operation.path("path").asText())) {
        operation.path("value").forEach(member -> values.add(member.path("value").asText()));
      }
    }
    return values;
  }

  /** Postman answers a taken group name with its words for a user who is already on the team. */
  static String groupNameHint(UpstreamCall call) {
    JsonNode body = call.body();
    String name = body == null ? null : body.path("displayName").asText(null);
    if (body != null && name == null) {
      for (JsonNode operation : body.path("Operations")) {
        if (operation.path("value").path("displayName").isTextual()) {
          name = operation.path("value").path("displayName").asText();
        }
      }
    }
    return "Postman already has a group " + (name == null ? "with this displayName" : "named '" + name + "'")
        + " (Postman's group names are unique); look it up by displayName and link it, or choose another name.";
  }

  private static String postman(UpstreamError error, int status) {
    return PREFIX + (error.detail() == null ? "HTTP " + status + " without a SCIM error body" : error.detail());
  }

  /**
   * Which attribute Postman most likely refused, from what the gateway sent: Postman only says "the
   * request body seems to be incomplete or have unsupported characters".
   */
  static String bodyHint(UpstreamCall call) {
    JsonNode body = call.body();
    if (isGroupCall(call)) {
      return "Postman requires a non-empty displayName, and members whose value is a user id.";
    }
    if (body == null) {
      return "Postman requires userName as an email address and non-empty name.givenName and name.familyName.";
    }
    JsonNode userName = body.path("userName");
    if (userName.isTextual() && !EMAIL.matcher(userName.asText()).matches()) {
      return "Check userName: Postman requires an email address, got '" + userName.asText() + "'.";
    }
    for (String part : new String[] {"givenName", "familyName"}) {
      JsonNode value = body.path("name").path(part);
      if (!value.isTextual() || value.asText().isBlank()) {
        return "Check name." + part + ": Postman requires a non-empty value.";
      }
    }
    for (String part : new String[] {"givenName", "familyName"}) {
      String value = body.path("name").path(part).asText();
      if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '<' || c == '>'
          || Character.getType(c) == Character.OTHER_SYMBOL)) {
        return "Check name." + part + ": Postman may refuse some of its characters.";
      }
    }
    JsonNode externalId = body.path("externalId");
    if (!externalId.isMissingNode() && !externalId.isNull() && !externalId.isTextual()) {
      return "Check externalId: Postman requires a string.";
    }
    return "Postman requires userName as an email address and non-empty name.givenName and name.familyName;"
        + " check them for characters Postman may refuse.";
  }

  private static String normalize(String detail) {
    return detail.replace('\u2019', '\'').replace('\u2018', '\'').toLowerCase(Locale.ROOT);
  }

  @Override
  public String pathTemplate(UpstreamCall call) {
    return template(call);
  }

  static String template(UpstreamCall call) {
    if (call.path().startsWith("/Users/")) {
      return "/Users/{id}";
    }
    return call.path().startsWith("/Groups/") ? "/Groups/{id}" : call.path();
  }

  private static boolean isGroupCall(UpstreamCall call) {
    return call.path().equals("/Groups") || call.path().startsWith("/Groups/");
  }

  /** What an error body said, whatever its shape. */
  record UpstreamError(String detail, Shape shape) {

    /**
     * The detail of a SCIM error, the message of Postman's generic {@code {"error":{…}}} error or the
     * detail of a problem+json body; null for anything else (HTML, empty, other JSON).
     */
    static UpstreamError parse(String body) {
      if (body == null || body.isBlank()) {
        return new UpstreamError(null, Shape.NONE);
      }
      try {
        JsonNode json = JSON.readTree(body);
        boolean scim = json.path("schemas").isArray() && json.path("schemas").toString().contains(ERROR_SCHEMA);
        if (json.path("detail").isTextual()) {
          return new UpstreamError(json.get("detail").asText(), scim ? Shape.SCIM : Shape.GENERIC);
        }
        if (json.path("error").path("message").isTextual()) {
          return new UpstreamError(json.path("error").path("message").asText(), Shape.GENERIC);
        }
        if (json.path("error").isTextual()) {
          return new UpstreamError(json.path("error").asText(), Shape.GENERIC);
        }
        return new UpstreamError(null, json.isObject() ? Shape.GENERIC : Shape.NONE);
      } catch (IOException notJson) {
        return new UpstreamError(null, Shape.NONE);
      }
    }
  }
}
