package dev.scimgateway.bench;

import dev.scimgateway.scimsimulator.ScimSimulator;
import dev.scimgateway.scimsimulator.ScimSimulatorOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Benchmark 2: Postman calls per IdP operation. The gateway and the Postman simulator run as processes
 * of their own; the suite sends each IdP request (Okta's and Entra's, as they send them) to the gateway
 * and counts what reached the simulator (its request log), then sends the same request straight to the
 * simulator, as a direct IdP-to-Postman connection would, and records Postman's answer. The same IdP sequences
 * then run through the generic {@code scim} adapter against the SCIM simulator, a standards-compliant upstream
 * (in this JVM), sent to it directly too.
 */
final class EfficiencyBench {

  static final int TEAM_SIZE = 10_000;
  static final int SAMPLE = 200;
  static final int CONCURRENT_UNKNOWN = 10;
  static final int SEQUENTIAL_UNKNOWN = 3;
  private static final int PAGE = 100;

  /** One IdP request, its cost through the gateway and what a direct connection got. */
  record Step(String idp, String step, String request, int gatewayCalls, String gatewayCallList, String gatewayAnswer,
      int directCalls, String directAnswer, boolean directFailed, String note) {}

  /** A group of look-ups: upstream calls through the gateway against a direct client's. */
  record Lookups(String scenario, int lookups, long gatewayCalls, long directCalls, String directHow, String note) {}

  /** The suffix of the IdP sequences' names when they run through the scim adapter, e.g. {@code Okta (scim)}. */
  static final String SCIM = " (scim)";

  static final class Result {
    final List<Step> steps = new ArrayList<>();
    /** Why the sequences through the scim adapter did not complete, or null. */
    String scimFailure;
    final List<Lookups> lookups = new ArrayList<>();
    long warmUpCalls;
    double warmUpMillis;
    int teamSize = TEAM_SIZE;
  }

  private final Stack stack;
  private int simulatorPort;
  private int gatewayPort;
  private final Result result = new Result();
  /** Where the recorded upstream requests of a step come from, and the suffix of the sequences' names. */
  private UpstreamLog upstreamLog = new UpstreamLog() {
    @Override
    public void clear() {
      check(Net.send("DELETE", sim("/_simulator/requests"), null, null), 204);
    }

    @Override
    public List<String> calls() {
      JsonArray recorded = new JsonArray(check(Net.get(sim("/_simulator/requests")), 200).body());
      List<String> calls = new ArrayList<>();
      for (int i = 0; i < recorded.size(); i++) {
        JsonObject r = recorded.getJsonObject(i);
        calls.add(r.getString("method") + " " + r.getString("path").replace("/scim/v2", "").replaceAll("/Users/[^/]+", "/Users/{id}")
            .replaceAll("/Groups/[^/]+", "/Groups/{id}"));
      }
      return calls;
    }
  };
  private String sequenceSuffix = "";

  /** The upstream's request log: what a step cost. */
  private interface UpstreamLog {
    void clear();

    /** The recorded requests as {@code METHOD /Users[/{id}]} or {@code METHOD /Groups[/{id}]}. */
    List<String> calls();
  }

  EfficiencyBench(Stack stack) {
    this.stack = stack;
  }

  Result run() {
    simulatorPort = Net.freePort();
    try (Child simulator = stack.simulator(simulatorPort, 100_000, 100_000, 60)) {
      Bench.log("efficiency: seeding the simulator with " + TEAM_SIZE + " users");
      seed();
      List<String> order = simulatorUsers().stream().map(u -> u.getString("externalId")).toList();
      Map<String, Integer> position = new HashMap<>();
      for (int i = 0; i < order.size(); i++) {
        position.put(order.get(i), i + 1);
      }
      Random random = new Random(6);
      List<String> sample = new ArrayList<>();
      for (int i = 0; i < SAMPLE; i++) {
        sample.add("ext-" + random.nextInt(TEAM_SIZE));
      }
      long directForSample = sample.stream().mapToLong(ext -> (position.get(ext) + PAGE - 1) / PAGE).sum();
      long fullScan = (TEAM_SIZE + PAGE - 1) / PAGE;
      String bigBudget = Stack.rateLimit(100_000, 100_000, 60, 1_000_000, 25_000);

      // A gateway with an empty id cache (no warm-up).
      gatewayPort = Net.freePort();
      try (Child cold = stack.gateway("gateway-efficiency-cold", gatewayPort, simulatorPort, bigBudget, "", List.of(), true)) {
        Bench.log("efficiency: " + SAMPLE + " externalId look-ups, cold cache");
        long calls = 0;
        for (String externalId : sample) {
          calls += cost(() -> expectTotal(lookUp("externalId", externalId), 1)).calls;
        }
        result.lookups.add(new Lookups("`externalId eq` of existing users, cold id cache (no warm-up), one after another",
            SAMPLE, calls, directForSample, "a client-side scan that stops at the user's page: Σ ceil(position/100)",
            "a miss scans from page 1 to the user's page and learns every user on the way; later look-ups of users on those pages cost 1"));

        Bench.log("efficiency: unknown externalIds");
        long unknown = 0;
        for (int i = 0; i < SEQUENTIAL_UNKNOWN; i++) {
          String missing = "missing-" + i;
          unknown += cost(() -> expectTotal(lookUp("externalId", missing), 0)).calls;
        }
        result.lookups.add(new Lookups("`externalId eq` of a user who does not exist (Entra's look-up before a create, or its Test Connection by externalId), one after another",
            SEQUENTIAL_UNKNOWN, unknown, SEQUENTIAL_UNKNOWN * fullScan, "a full scan: ceil(10000/100) each",
            "only a full scan proves the absence; the gateway does not trust totalResults (Postman's examples get it wrong), so a full last page costs one more, empty, page"));

        long concurrent = cost(() -> {
          ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_UNKNOWN);
          try {
            List<Future<Net.Response>> answers = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_UNKNOWN; i++) {
              String missing = "absent-" + i;
              answers.add(pool.submit(() -> lookUp("externalId", missing)));
            }
            for (Future<Net.Response> answer : answers) {
              expectTotal(answer.get(120, TimeUnit.SECONDS), 0);
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          } finally {
            pool.shutdownNow();
          }
          return null;
        }).calls;
        result.lookups.add(new Lookups("`externalId eq` of " + CONCURRENT_UNKNOWN + " users who do not exist, all at once",
            CONCURRENT_UNKNOWN, concurrent, CONCURRENT_UNKNOWN * fullScan, "a full scan each",
            "look-ups arriving during a scan share the next one"));

        Bench.log("efficiency: Okta import (paging)");
        long paging = cost(() -> {
          for (int start = 1; start <= TEAM_SIZE; start += PAGE) {
            Net.Response page = Net.send("GET", gw(Stack.usersPath() + "?startIndex=" + start + "&count=" + PAGE), Stack.BEARER, null);
            check(page, 200);
          }
          return null;
        }).calls;
        result.lookups.add(new Lookups("Okta import: `GET /Users?startIndex=…&count=100` through " + TEAM_SIZE + " users",
            (int) fullScan, paging, fullScan, "the same pages", "passed through page by page"));

        Bench.log("efficiency: Okta and Entra lifecycles");
        okta();
        entra();
        Bench.log("efficiency: Okta Push Groups and Entra group provisioning");
        List<String> members = simulatorUsers().stream().limit(6).map(u -> u.getString("id")).toList();
        oktaGroups(members);
        entraGroups(members);
      }

      // A restarted gateway that warms its id cache up.
      gatewayPort = Net.freePort();
      clearRequests();
      long started = System.nanoTime();
      try (Child warm = stack.gateway("gateway-efficiency-warm", gatewayPort, simulatorPort,
          bigBudget + "\nidCache:\n  warmUp: true", "", List.of(), false)) {
        Stack.awaitGatewayReady(warm, gatewayPort, java.time.Duration.ofMinutes(5));
        result.warmUpMillis = (System.nanoTime() - started) / 1e6;
        result.warmUpCalls = requests().size();
        Bench.log("efficiency: " + SAMPLE + " externalId look-ups, warm cache");
        long calls = 0;
        for (String externalId : sample) {
          calls += cost(() -> expectTotal(lookUp("externalId", externalId), 1)).calls;
        }
        result.lookups.add(0, new Lookups("`externalId eq` of existing users, id cache warmed up at start-up (`idCache.warmUp`)",
            SAMPLE, calls, directForSample, "a client-side scan that stops at the user's page: Σ ceil(position/100)",
            "one read of the user by id, checked; the warm-up itself cost " + result.warmUpCalls + " calls once, at start-up"));
      }
    }
    throughScimAdapter();
    return result;
  }

  // ---- the IdPs' sequences

  private void okta() {
    String gwUser = "jane.okta@example.com";
    String directUser = "john.okta@example.com";
    String[] ids = new String[2];
    step("Okta", "look-up before assigning", "GET /Users?filter=userName eq \"…\"&startIndex=1&count=100",
        () -> lookUp("userName", gwUser), 200, () -> direct("GET", filterPath("/scim/v2/Users", "userName", directUser), null),
        "");
    step("Okta", "create", "POST /Users (Okta's full body)",
        () -> keepId(Net.send("POST", gw(Stack.usersPath()), Stack.BEARER, oktaBody(gwUser, "Jane", "00u-gw")), ids, 0), 201,
        () -> keepId(direct("POST", "/scim/v2/Users", oktaBody(directUser, "John", "00u-direct")), ids, 1), "");
    step("Okta", "read", "GET /Users/{id}",
        () -> Net.send("GET", gw(Stack.usersPath() + "/" + ids[0]), Stack.BEARER, null), 200,
        () -> direct("GET", "/scim/v2/Users/" + ids[1], null), "");
    step("Okta", "profile update", "PUT /Users/{id} (full profile, new givenName)",
        () -> Net.send("PUT", gw(Stack.usersPath() + "/" + ids[0]), Stack.BEARER, oktaBody(gwUser, "Janet", "00u-gw")), 200,
        () -> direct("PUT", "/scim/v2/Users/" + ids[1], oktaBody(directUser, "Johnny", "00u-direct")), "");
    step("Okta", "deactivate", "PATCH /Users/{id} `replace` value `{active:false}`",
        () -> Net.send("PATCH", gw(Stack.usersPath() + "/" + ids[0]), Stack.BEARER, oktaActive(false)), 200,
        () -> direct("PATCH", "/scim/v2/Users/" + ids[1], oktaActive(false)),
        PATCH_NOTE);
    step("Okta", "reactivate", "PATCH /Users/{id} `replace` value `{active:true}`",
        () -> Net.send("PATCH", gw(Stack.usersPath() + "/" + ids[0]), Stack.BEARER, oktaActive(true)), 200,
        () -> direct("PATCH", "/scim/v2/Users/" + ids[1], oktaActive(true)), PATCH_NOTE);
    step("Okta", "look-up of an assigned user", "GET /Users?filter=userName eq \"…\"",
        () -> lookUp("userName", gwUser), 200,
        () -> direct("GET", filterPath("/scim/v2/Users", "userName", directUser), null), "");
  }

  private void entra() {
    String gwUser = "Ada.Entra@Contoso.com";
    String directUser = "Bob.Entra@Contoso.com";
    String[] ids = new String[2];
    String guid = "7d3c2f0e-5b7a-4c1e-9f4b-1a2b3c4d5e6f";
    step("Entra", "Test Connection", "GET /Users?filter=userName eq \"<random GUID>\"",
        () -> lookUp("userName", guid), 200, () -> direct("GET", filterPath("/scim/v2/Users", "userName", guid), null), "");
    step("Entra", "look-up by the matching attribute", "GET /Users?filter=userName eq \"Ada.Entra@Contoso.com\"",
        () -> lookUp("userName", gwUser), 200, () -> direct("GET", filterPath("/scim/v2/Users", "userName", directUser), null),
        "a UPN with capitals that is not there: as given, then in lower case");
    step("Entra", "create", "POST /Users (Entra's body, enterprise extension)",
        () -> keepId(Net.send("POST", gw(Stack.usersPath()), Stack.BEARER, entraBody(gwUser, "ada-obj")), ids, 0), 201,
        () -> keepId(direct("POST", "/scim/v2/Users", entraBody(directUser, "bob-obj")), ids, 1), "");
    step("Entra", "look-up of a provisioned user, UPN now in lower case", "GET /Users?filter=userName eq \"ada.entra@contoso.com\"",
        () -> lookUp("userName", gwUser.toLowerCase()), 200,
        () -> direct("GET", filterPath("/scim/v2/Users", "userName", directUser.toLowerCase()), null),
        "direct: Postman compares case-sensitively and finds no one, so Entra would create a second user and get 409");
    step("Entra", "update a name", "PATCH `{\"op\":\"Replace\",\"path\":\"name.givenName\",…}`",
        () -> Net.send("PATCH", gw(Stack.usersPath() + "/" + ids[0]), Stack.BEARER, entraPatch("Replace", "name.givenName", "\"Adeline\"")), 200,
        () -> direct("PATCH", "/scim/v2/Users/" + ids[1], entraPatch("Replace", "name.givenName", "\"Bobby\"")),
        "the gateway applies the PATCH and sends the name as Postman's PUT; direct: Postman refuses the operation");
    step("Entra", "update attributes the upstream does not store", "PATCH `Replace` department, `Add` emails[type eq \"work\"].value",
        () -> Net.send("PATCH", gw(Stack.usersPath() + "/" + ids[0]), Stack.BEARER, entraOtherPatch()), 200,
        () -> direct("PATCH", "/scim/v2/Users/" + ids[1], entraOtherPatch()),
        "nothing Postman stores changes, so nothing is written; " + PATCH_NOTE);
    step("Entra", "disable", "PATCH `{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}`",
        () -> Net.send("PATCH", gw(Stack.usersPath() + "/" + ids[0]), Stack.BEARER, entraPatch("Replace", "active", "\"False\"")), 200,
        () -> direct("PATCH", "/scim/v2/Users/" + ids[1], entraPatch("Replace", "active", "\"False\"")),
        "direct: capitalised op, a path and a string boolean are refused");
    step("Entra", "delete (after a hard delete in Entra)", "DELETE /Users/{id}",
        () -> Net.send("DELETE", gw(Stack.usersPath() + "/" + ids[0]), Stack.BEARER, null), 204,
        () -> direct("DELETE", "/scim/v2/Users/" + ids[1], null), "the gateway deactivates (Postman cannot delete); direct: no such route");
  }

  static final String OKTA_GROUPS = "Okta groups";
  static final String ENTRA_GROUPS = "Entra groups";

  /** Okta's Push Groups: the gateway's group, with members 0–2; the direct one, with members 3–5. */
  private void oktaGroups(List<String> members) {
    String gwName = "Engineering";
    String directName = "Design";
    String[] ids = new String[2];
    step(OKTA_GROUPS, "look-up before pushing", "GET /Groups?filter=displayName eq \"…\"&startIndex=1&count=100",
        () -> groupLookUp(gwName, ""), 200, () -> direct("GET", filterPath("/scim/v2/Groups", "displayName", directName), null),
        "not found: Postman's exact filter, then a scan of the team's groups proves no other case of the name exists");
    step(OKTA_GROUPS, "create", "POST /Groups `{displayName, members: []}`",
        () -> keepId(Net.send("POST", gw(groupsPath()), Stack.BEARER, newGroup(gwName, "")), ids, 0), 201,
        () -> keepId(direct("POST", "/scim/v2/Groups", newGroup(directName, "")), ids, 1), "");
    step(OKTA_GROUPS, "add members", "PATCH its unchanged rename + `add members` (2)",
        () -> Net.send("PATCH", gw(groupsPath() + "/" + ids[0]), Stack.BEARER,
            patchOf(oktaRename(ids[0], gwName), addMembers("add", members.get(0), members.get(1)))), 200,
        () -> direct("PATCH", "/scim/v2/Groups/" + ids[1],
            patchOf(oktaRename(ids[1], directName), addMembers("add", members.get(3), members.get(4)))),
        "one PATCH with exactly the members, no read; the unchanged rename is left out");
    step(OKTA_GROUPS, "remove a member", "PATCH its unchanged rename + `remove members[value eq \"…\"]`",
        () -> Net.send("PATCH", gw(groupsPath() + "/" + ids[0]), Stack.BEARER,
            patchOf(oktaRename(ids[0], gwName), removeMember(members.get(0)))), 200,
        () -> direct("PATCH", "/scim/v2/Groups/" + ids[1], patchOf(oktaRename(ids[1], directName), removeMember(members.get(3)))),
        "");
    step(OKTA_GROUPS, "rename", "PATCH `replace` value `{id, displayName}`",
        () -> Net.send("PATCH", gw(groupsPath() + "/" + ids[0]), Stack.BEARER, patchOf(oktaRename(ids[0], gwName + " Team"))), 200,
        () -> direct("PATCH", "/scim/v2/Groups/" + ids[1], patchOf(oktaRename(ids[1], directName + " Team"))), "");
    step(OKTA_GROUPS, "replace members", "PATCH its unchanged rename + `replace members` (2)",
        () -> Net.send("PATCH", gw(groupsPath() + "/" + ids[0]), Stack.BEARER,
            patchOf(oktaRename(ids[0], gwName + " Team"), addMembers("replace", members.get(1), members.get(2)))), 200,
        () -> direct("PATCH", "/scim/v2/Groups/" + ids[1],
            patchOf(oktaRename(ids[1], directName + " Team"), addMembers("replace", members.get(4), members.get(5)))),
        "a read, then the difference as one PATCH");
    step(OKTA_GROUPS, "look-up in another case", "GET /Groups?filter=displayName eq \"…\" (lower case)",
        () -> groupLookUp((gwName + " Team").toLowerCase(), ""), 200,
        () -> direct("GET", filterPath("/scim/v2/Groups", "displayName", (directName + " Team").toLowerCase()), null),
        "direct: Postman compares case-sensitively and finds none, so Okta would push a second group");
    step(OKTA_GROUPS, "delete", "DELETE /Groups/{id}",
        () -> Net.send("DELETE", gw(groupsPath() + "/" + ids[0]), Stack.BEARER, null), 204,
        () -> direct("DELETE", "/scim/v2/Groups/" + ids[1], null), "");
  }

  /** Entra's group provisioning, as Microsoft documents it (without the aadOptscim062020 flag). */
  private void entraGroups(List<String> members) {
    String gwName = "Sales";
    String directName = "Marketing";
    String[] ids = new String[2];
    step(ENTRA_GROUPS, "look-up by displayName", "GET /Groups?excludedAttributes=members&filter=displayName eq \"…\"",
        () -> groupLookUp(gwName, "excludedAttributes=members&"), 200,
        () -> direct("GET", filterPath("/scim/v2/Groups", "displayName", directName) + "&excludedAttributes=members", null),
        "not found: the exact filter, then a scan");
    step(ENTRA_GROUPS, "create", "POST /Groups `{externalId, displayName, members: []}`",
        () -> keepId(Net.send("POST", gw(groupsPath()), Stack.BEARER, newGroup(gwName, "6a1f0c2e-entra")), ids, 0), 201,
        () -> keepId(direct("POST", "/scim/v2/Groups", newGroup(directName, "7b2e1d3f-entra")), ids, 1), "");
    step(ENTRA_GROUPS, "add members", "PATCH `{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,…}×3]}`",
        () -> Net.send("PATCH", gw(groupsPath() + "/" + ids[0]), Stack.BEARER,
            patchOf(entraMembers("Add", members.get(0), members.get(1), members.get(2)))), 200,
        () -> direct("PATCH", "/scim/v2/Groups/" + ids[1], patchOf(entraMembers("Add", members.get(3), members.get(4), members.get(5)))),
        "direct: Postman refuses the capitalised op");
    step(ENTRA_GROUPS, "remove members", "PATCH `{\"op\":\"Remove\",\"path\":\"members\",\"value\":[…×2]}`",
        () -> Net.send("PATCH", gw(groupsPath() + "/" + ids[0]), Stack.BEARER,
            patchOf(entraMembers("Remove", members.get(0), members.get(1)))), 200,
        () -> direct("PATCH", "/scim/v2/Groups/" + ids[1], patchOf(entraMembers("Remove", members.get(3), members.get(4)))),
        "one PATCH of one `remove members[value eq …]` per value; direct: refused (and in RFC 7644 it would remove every member)");
    step(ENTRA_GROUPS, "rename", "PATCH `{\"op\":\"Replace\",\"path\":\"displayName\",…}`",
        () -> Net.send("PATCH", gw(groupsPath() + "/" + ids[0]), Stack.BEARER,
            patchOf("{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"" + gwName + " EMEA\"}")), 200,
        () -> direct("PATCH", "/scim/v2/Groups/" + ids[1],
            patchOf("{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"" + directName + " EMEA\"}")),
        "direct: Postman takes only its path-less rename");
    step(ENTRA_GROUPS, "read without members", "GET /Groups/{id}?excludedAttributes=members",
        () -> Net.send("GET", gw(groupsPath() + "/" + ids[0] + "?excludedAttributes=members"), Stack.BEARER, null), 200,
        () -> direct("GET", "/scim/v2/Groups/" + ids[1] + "?excludedAttributes=members", null), "");
    step(ENTRA_GROUPS, "delete", "DELETE /Groups/{id}",
        () -> Net.send("DELETE", gw(groupsPath() + "/" + ids[0]), Stack.BEARER, null), 204,
        () -> direct("DELETE", "/scim/v2/Groups/" + ids[1], null), "");
  }

  private static String groupsPath() {
    return Stack.usersPath().replace("/Users", "/Groups");
  }

  private Net.Response groupLookUp(String displayName, String before) {
    String path = filterPath(groupsPath(), "displayName", displayName);
    return Net.send("GET", gw(path.replace("?filter=", "?" + before + "filter=") + "&startIndex=1&count=100"), Stack.BEARER, null);
  }

  private static String newGroup(String displayName, String externalId) {
    JsonObject group = new JsonObject().put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:Group"))
        .put("displayName", displayName).put("members", new JsonArray());
    if (!externalId.isEmpty()) {
      group.put("externalId", externalId);
    }
    return group.encode();
  }

  private static String patchOf(String... operations) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + String.join(",", operations) + "]}";
  }

  private static String oktaRename(String id, String displayName) {
    return "{\"op\":\"replace\",\"value\":{\"id\":\"" + id + "\",\"displayName\":\"" + displayName + "\"}}";
  }

  private static String addMembers(String op, String... ids) {
    JsonArray values = new JsonArray();
    for (String id : ids) {
      values.add(new JsonObject().put("value", id).put("display", id + "@example.com"));
    }
    return new JsonObject().put("op", op).put("path", "members").put("value", values).encode();
  }

  private static String removeMember(String id) {
    return "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + id + "\\\"]\"}";
  }

  private static String entraMembers(String op, String... ids) {
    JsonArray values = new JsonArray();
    for (String id : ids) {
      values.add(new JsonObject().putNull("$ref").put("value", id));
    }
    return new JsonObject().put("op", op).put("path", "members").put("value", values).encode();
  }

  private static final String PATCH_NOTE = "the gateway applies a PATCH itself, to the user as Postman returned it moments"
      + " ago or else as read first (README: Look-ups and the id cache)";

  private void step(String idp, String step, String request, Supplier<Net.Response> throughGateway, int expected,
      Supplier<Net.Response> directly, String note) {
    Counted gateway = cost(throughGateway);
    String sequence = idp + sequenceSuffix;
    // The notes explain what the Postman adapter does and what Postman refuses.
    String shownNote = sequenceSuffix.isEmpty() ? note : "";
    if (gateway.response.status() != expected) {
      throw new IllegalStateException(sequence + " " + step + ": the gateway answered " + gateway.response.status() + " "
          + gateway.response.body());
    }
    Counted direct = cost(directly);
    Integer gatewayFound = totalResults(gateway.response);
    Integer directFound = totalResults(direct.response);
    boolean directFailed = direct.response.status() / 100 != 2 || (gatewayFound != null && !gatewayFound.equals(directFound));
    result.steps.add(new Step(sequence, step, request, (int) gateway.calls,
        String.join(", ", gateway.calls == 0 ? List.of("none") : summarize(gateway.list)),
        answer(gateway.response.status(), gatewayFound, request), (int) direct.calls,
        answer(direct.response.status(), directFound, request),
        directFailed, shownNote));
  }

  /** {@code totalResults} of a ListResponse, or null. */
  private static Integer totalResults(Net.Response response) {
    if (response.status() != 200 || !response.body().contains("totalResults")) {
      return null;
    }
    return new JsonObject(response.body()).getInteger("totalResults");
  }

  private static String answer(int status, Integer found, String request) {
    String noun = request.contains("/Groups") ? "group" : "user";
    return status + (found == null ? "" : ", " + found + " " + noun + (found == 1 ? "" : "s"));
  }

  private static List<String> summarize(List<String> calls) {
    if (calls.size() > 3) {
      return List.of(calls.size() + " × " + String.join("/", new LinkedHashSet<>(calls)));
    }
    return calls;
  }

  // ---- counting

  private record Counted(long calls, List<String> list, Net.Response response) {}

  private Counted cost(Supplier<Net.Response> action) {
    clearRequests();
    Net.Response response = action.get();
    List<String> calls = requests();
    return new Counted(calls.size(), calls, response);
  }

  private void clearRequests() {
    upstreamLog.clear();
  }

  private List<String> requests() {
    return upstreamLog.calls();
  }

  /**
   * The Okta and Entra sequences again, through a gateway whose tenant has {@code adapter: scim} (everything
   * learned from the upstream's discovery documents) in front of the SCIM simulator, and straight to it.
   */
  private void throughScimAdapter() {
    Vertx vertx = Vertx.vertx();
    try {
      ScimSimulator upstream = ScimSimulator.create(vertx, ScimSimulatorOptions.defaults().withToken(Stack.API_KEY))
          .start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      simulatorPort = upstream.port();
      upstreamLog = new UpstreamLog() {
        @Override
        public void clear() {
          upstream.clearRequests();
        }

        @Override
        public List<String> calls() {
          return upstream.calls();
        }
      };
      sequenceSuffix = SCIM;
      List<String> members = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        String body = new JsonObject().put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
            .put("userName", "member" + i + "@example.com").put("active", true).encode();
        members.add(new JsonObject(check(direct("POST", "/scim/v2/Users", body), 201).body()).getString("id"));
      }
      gatewayPort = Net.freePort();
      try (Child gateway = stack.scimGateway("gateway-efficiency-scim", gatewayPort, simulatorPort, "", "", List.of())) {
        Bench.log("efficiency: Okta and Entra sequences through the scim adapter");
        okta();
        entra();
        oktaGroups(members);
        entraGroups(members);
      }
    } catch (Exception | AssertionError e) {
      result.scimFailure = e.getMessage();
      Bench.log("efficiency: the sequences through the scim adapter did not complete: " + e.getMessage());
    } finally {
      vertx.close();
    }
  }

  private List<JsonObject> simulatorUsers() {
    JsonArray users = new JsonArray(check(Net.get(sim("/_simulator/users")), 200).body());
    List<JsonObject> list = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      list.add(users.getJsonObject(i));
    }
    return list;
  }

  private void seed() {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Net.Response>> created = new ArrayList<>();
      for (int i = 0; i < TEAM_SIZE; i++) {
        String body = new JsonObject().put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
            .put("userName", "member" + i + "@example.com")
            .put("name", new JsonObject().put("givenName", "Member").put("familyName", "No" + i))
            .put("externalId", "ext-" + i).put("active", true).encode();
        created.add(pool.submit(() -> direct("POST", "/scim/v2/Users", body)));
      }
      for (Future<Net.Response> response : created) {
        check(response.get(120, TimeUnit.SECONDS), 201);
      }
    } catch (Exception e) {
      throw new IllegalStateException("seeding failed: " + e, e);
    } finally {
      pool.shutdownNow();
    }
    clearRequests();
  }

  // ---- requests

  private Net.Response lookUp(String attribute, String value) {
    return Net.send("GET", gw(filterPath(Stack.usersPath(), attribute, value) + "&startIndex=1&count=100"), Stack.BEARER, null);
  }

  private static String filterPath(String path, String attribute, String value) {
    return path + "?filter=" + URLEncoder.encode(attribute + " eq \"" + value + "\"", StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Net.Response direct(String method, String path, String body) {
    return Net.send(method, sim(path), "Bearer " + Stack.API_KEY, body);
  }

  private String gw(String path) {
    return Net.url(gatewayPort, path);
  }

  private String sim(String path) {
    return Net.url(simulatorPort, path);
  }

  private static Net.Response keepId(Net.Response response, String[] ids, int slot) {
    if (response.status() == 201) {
      ids[slot] = new JsonObject(response.body()).getString("id");
    }
    return response;
  }

  private static Net.Response expectTotal(Net.Response response, int total) {
    check(response, 200);
    int found = new JsonObject(response.body()).getInteger("totalResults");
    if (found != total) {
      throw new IllegalStateException("expected " + total + " results, got " + response.body());
    }
    return response;
  }

  private static Net.Response check(Net.Response response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException("expected " + status + ", got " + response.status() + ": " + response.body());
    }
    return response;
  }

  private static String oktaBody(String userName, String givenName, String externalId) {
    return new JsonObject()
        .put("schemas", new JsonArray().add("urn:ietf:params:scim:schemas:core:2.0:User"))
        .put("userName", userName)
        .put("name", new JsonObject().put("givenName", givenName).put("familyName", "Doe"))
        .put("emails", new JsonArray().add(new JsonObject().put("primary", true).put("value", userName).put("type", "work")))
        .put("displayName", givenName + " Doe").put("locale", "en-US").put("externalId", externalId)
        .put("groups", new JsonArray()).put("active", true).encode();
  }

  private static String oktaActive(boolean active) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
        + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":" + active + "}}]}";
  }

  private static String entraBody(String userName, String externalId) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "externalId":"%s","userName":"%s","active":true,"displayName":"Ada Lovelace",
         "emails":[{"primary":true,"type":"work","value":"%s"}],"meta":{"resourceType":"User"},
         "name":{"formatted":"Ada Lovelace","familyName":"Lovelace","givenName":"Ada"},"roles":[],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Research"}}""".formatted(externalId, userName, userName);
  }

  private static String entraPatch(String op, String path, String value) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"" + op
        + "\",\"path\":\"" + path + "\",\"value\":" + value + "}]}";
  }

  private static String entraOtherPatch() {
    return """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
         {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Sales"},
         {"op":"Add","path":"emails[type eq \\"work\\"].value","value":"ada@contoso.com"}]}""";
  }
}
