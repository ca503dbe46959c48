package dev.scimgateway.adapter.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AdapterThreading;
import dev.scimgateway.adapter.api.AttributePaths;
import dev.scimgateway.adapter.api.AttributeSelection;
import dev.scimgateway.adapter.api.FilterOperator;
import dev.scimgateway.adapter.api.ListFilter;
import dev.scimgateway.adapter.api.ListQuery;
import dev.scimgateway.adapter.api.ResourceCapabilities;
import dev.scimgateway.adapter.api.ResourceCapabilities.Operation;
import dev.scimgateway.adapter.api.ResourcePage;
import dev.scimgateway.adapter.api.ResourceProvider;
import dev.scimgateway.adapter.api.ScimFailure;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every {@link ResourceProvider} must keep, as JUnit 5 tests: extend it in an adapter's
 * test suite and return a {@link ProviderFixture} that starts the provider over its upstream.
 *
 * <pre>{@code
 * class PostmanUsersContractTest extends ResourceProviderContract {
 *   protected ProviderFixture fixture() { return new PostmanUsersFixture(); }
 * }
 * }</pre>
 *
 * Each test makes resources of its own with unique names, so the contracts run in any order against
 * one upstream. Operations the provider does not declare are skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ResourceProviderContract {

  private static final long TIMEOUT_SECONDS = 30;
  private static final int LOOPS = 4;
  private static final int CALLS_PER_LOOP = 4;

  private ProviderFixture fixture;
  private ResourceProvider provider;

  /** Starts the provider under test over its upstream; called once per test class. */
  protected abstract ProviderFixture fixture();

  @BeforeAll
  final void startFixture() {
    fixture = fixture();
    provider = fixture.provider();
  }

  @AfterAll
  final void closeFixture() {
    if (fixture != null) {
      fixture.close();
    }
  }

  // ---- create and get ----

  @Test
  void createReturnsTheResourceAsStoredWithAnId() {
    requires(Operation.CREATE);
    ObjectNode resource = fixture.newResource(unique());

    ObjectNode created = await(provider.create(resource));

    assertTrue(created.path("id").isTextual() && !created.get("id").asText().isBlank(), "an id: " + created);
    resource.fieldNames().forEachRemaining(name -> assertTrue(created.has(name), name + " is stored: " + created));
  }

  @Test
  void getReturnsTheCreatedResource() {
    requires(Operation.CREATE, Operation.GET);
    ObjectNode created = create();

    ObjectNode read = await(provider.get(created.get("id").asText()));

    assertEquals(created.get("id"), read.get("id"));
    for (String attribute : topLevelStored(created)) {
      assertEquals(created.get(attribute), read.get(attribute), attribute);
    }
  }

  /** A provider may leave out what the IdP excluded (the gateway projects in any case), but nothing else. */
  @Test
  void getThatExcludesAnAttributeStillReturnsTheOthers() {
    requires(Operation.CREATE, Operation.GET);
    ObjectNode created = create();
    List<String> stored = topLevelStored(created).stream().sorted().toList();
    assumeTrue(stored.size() >= 2, "the resource has fewer than two stored attributes");
    String excluded = stored.get(stored.size() - 1);

    ObjectNode read = await(provider.get(created.get("id").asText(),
        new AttributeSelection(Set.of(), Set.of(excluded.toLowerCase(Locale.ROOT)))));

    assertEquals(created.get("id"), read.get("id"));
    for (String attribute : stored.subList(0, stored.size() - 1)) {
      assertEquals(created.get(attribute), read.get(attribute), attribute + " was not excluded");
    }
  }

  @Test
  void getOfAnUnknownIdFailsWithA404ScimFailure() {
    requires(Operation.GET);

    ScimFailure failure = failure(provider.get("tck-unknown-" + UUID.randomUUID()));

    assertEquals(404, failure.status());
    assertFalse(failure.detail().isBlank(), "a detail a person can act on");
  }

  @Test
  void concurrentCreatesEachMakeOneResource() {
    requires(Operation.CREATE);
    List<Future<ObjectNode>> creates = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      creates.add(provider.create(fixture.newResource(unique())));
    }

    await(Future.all(creates));

    Set<String> ids = new HashSet<>();
    creates.forEach(create -> ids.add(create.result().get("id").asText()));
    assertEquals(8, ids.size(), "eight distinct ids: " + ids);
  }

  @Test
  void callsFromSeveralEventLoopsAtOnceAreAnsweredRightOnTheLoopThatCalled() {
    requires(Operation.CREATE, Operation.GET);
    Optional<ProviderFixture.Threading> threading = fixture.threading();
    assumeTrue(threading.map(declared -> declared.threading() == AdapterThreading.ANY_LOOP).orElse(false),
        "the adapter runs on its home loop only");
    List<Context> loops = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < LOOPS; i++) {
      loops.add(EventLoops.newContext(threading.get().vertx()));
      threads.add(EventLoops.threadOf(loops.get(i)));
    }
    assertTrue(threads.stream().distinct().count() > 1, "the kit needs two event loops at least: " + threads);

    List<Future<List<String>>> rounds = new ArrayList<>();
    for (int i = 0; i < LOOPS; i++) {
      Thread thread = threads.get(i);
      rounds.add(EventLoops.on(loops.get(i), () -> createThenRead(thread, CALLS_PER_LOOP)));
    }
    await(Future.all(rounds));

    Set<String> ids = new HashSet<>();
    rounds.forEach(round -> ids.addAll(round.result()));
    assertEquals(LOOPS * CALLS_PER_LOOP, ids.size(), "a resource of its own for each create: " + ids);
  }

  /** Creates {@code count} resources at once and reads each back, checking that every answer comes on {@code thread}. */
  private Future<List<String>> createThenRead(Thread thread, int count) {
    List<Future<String>> each = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      each.add(provider.create(fixture.newResource(unique())).compose(created -> {
        assertEquals(thread, Thread.currentThread(), "the create was answered on the loop that asked");
        return provider.get(created.get("id").asText()).map(read -> {
          assertEquals(thread, Thread.currentThread(), "the read was answered on the loop that asked");
          assertEquals(created.get("id"), read.get("id"));
          return read.get("id").asText();
        });
      }));
    }
    return Future.all(each).map(all -> each.stream().map(Future::result).toList());
  }

  // ---- list ----

  @Test
  void listCountsEveryResourceAndPagesThroughThem() {
    requires(Operation.CREATE, Operation.LIST);
    create();
    create();

    ResourcePage total = await(provider.list(new ListQuery(Optional.empty(), 1, 0)));
    ResourcePage first = await(provider.list(new ListQuery(Optional.empty(), 1, 1)));
    ResourcePage second = await(provider.list(new ListQuery(Optional.empty(), 2, 1)));

    assertTrue(total.totalResults() >= 2, "at least the two created: " + total.totalResults());
    assertEquals(List.of(), total.resources(), "count=0 asks only for the total");
    assertEquals(1, first.resources().size());
    assertEquals(1, second.resources().size());
    assertEquals(2, second.startIndex());
    assertFalse(first.resources().get(0).get("id").equals(second.resources().get(0).get("id")), "pages do not overlap");
  }

  @Test
  void everyDeclaredEqualityFilterFindsTheResourceAndNothingElse() {
    requires(Operation.CREATE, Operation.LIST);
    ObjectNode created = create();
    for (ResourceCapabilities.Filterable filterable : provider.capabilities().filters()) {
      if (filterable.operator() != FilterOperator.EQ || value(created, filterable.attribute()).isEmpty()) {
        continue;
      }
      String value = value(created, filterable.attribute()).get();

      ResourcePage found = await(provider.list(query(filterable.attribute(), value)));
      ResourcePage none = await(provider.list(query(filterable.attribute(), "tck-none-" + UUID.randomUUID())));

      assertEquals(1, found.totalResults(), filterable + " finds exactly it");
      assertEquals(created.get("id"), found.resources().get(0).get("id"), filterable.toString());
      assertEquals(0, none.totalResults(), filterable + " of an absent value finds nothing");
      assertEquals(List.of(), none.resources());
    }
  }

  /** With {@code conjunctions} declared, an {@code and} of two declared {@code eq} filters holds only when both do. */
  @Test
  void aConjunctionOfDeclaredEqualityFiltersFindsTheResourceOnlyWhenBothHold() {
    requires(Operation.CREATE, Operation.LIST);
    assumeTrue(provider.capabilities().conjunctions(), "the provider does not declare conjunctions");
    ObjectNode created = create();
    List<ResourceCapabilities.Filterable> terms = provider.capabilities().filters().stream()
        .filter(filterable -> filterable.operator() == FilterOperator.EQ && value(created, filterable.attribute()).isPresent())
        .sorted(java.util.Comparator.comparing(ResourceCapabilities.Filterable::toString))
        .limit(2)
        .toList();
    assumeTrue(terms.size() == 2, "fewer than two declared eq filters on attributes the resource has");
    ListFilter.Comparison first = equality(terms.get(0).attribute(), value(created, terms.get(0).attribute()).get());
    ListFilter.Comparison second = equality(terms.get(1).attribute(), value(created, terms.get(1).attribute()).get());
    ListFilter.Comparison absent = equality(terms.get(1).attribute(), "tck-none-" + UUID.randomUUID());

    ResourcePage both = await(provider.list(new ListQuery(Optional.of(new ListFilter(List.of(first, second))), 1, 100)));
    ResourcePage one = await(provider.list(new ListQuery(Optional.of(new ListFilter(List.of(first, absent))), 1, 100)));

    assertEquals(1, both.totalResults(), terms + " both hold");
    assertEquals(created.get("id"), both.resources().get(0).get("id"));
    assertEquals(0, one.totalResults(), "only " + terms.get(0) + " holds");
  }

  // ---- replace and modify ----

  /** A replace keeps the resource's identifying attributes (as upstreams require) and changes another. */
  @Test
  void replaceStoresTheNewState() {
    requires(Operation.CREATE, Operation.REPLACE, Operation.GET);
    String unique = unique();
    ObjectNode created = await(provider.create(fixture.newResource(unique)));
    ObjectNode replacement = fixture.newResource(unique);
    ProviderFixture.Assignment assignment = fixture.assignment();
    Changes.set(replacement, assignment.path(), assignment.value());
    String id = created.get("id").asText();

    await(provider.replace(id, replacement));

    assertEquals(assignment.value(), at(await(provider.get(id)), assignment.path()));
  }

  @Test
  void modifyStoresAnAssignedValue() {
    requires(Operation.CREATE, Operation.MODIFY, Operation.GET);
    String id = create().get("id").asText();
    ProviderFixture.Assignment assignment = fixture.assignment();

    ObjectNode modified = await(provider.modify(id, Changes.assign(provider, id, assignment.path(), assignment.value())));

    assertEquals(assignment.value(), at(modified, assignment.path()), "the answer is the resource as stored");
    assertEquals(assignment.value(), at(await(provider.get(id)), assignment.path()), "and it is stored");
  }

  @Test
  void modifyOfAnUnknownIdFailsWithA404ScimFailure() {
    requires(Operation.MODIFY);
    ProviderFixture.Assignment assignment = fixture.assignment();
    String id = "tck-unknown-" + UUID.randomUUID();

    ScimFailure failure = failure(provider.modify(id, Changes.assign(provider, id, assignment.path(), assignment.value())));

    assertEquals(404, failure.status());
  }

  @Test
  void modifyAddsAndRemovesValuesOfAMultiValuedAttribute() {
    requires(Operation.CREATE, Operation.MODIFY, Operation.GET);
    Optional<ProviderFixture.MultiValued> multiValued = fixture.multiValued();
    assumeTrue(multiValued.isPresent(), "the type has no multi-valued attribute");
    String attribute = multiValued.get().attribute();
    String id = create().get("id").asText();
    JsonNode first = await(multiValued.get().newValue().get());
    JsonNode second = await(multiValued.get().newValue().get());

    await(provider.modify(id, Changes.addOrRemove(provider, id, attribute, first, true)));
    await(provider.modify(id, Changes.addOrRemove(provider, id, attribute, second, true)));
    await(provider.modify(id, Changes.addOrRemove(provider, id, attribute, first, false)));

    List<JsonNode> values = new ArrayList<>();
    await(provider.get(id)).path(attribute).forEach(value -> values.add(value.path("value")));
    assertEquals(List.of(second.path("value")), values, attribute + " holds what was added and not removed");
  }

  // ---- delete ----

  @Test
  void deleteRemovesOrDeactivatesAsDeclared() {
    requires(Operation.CREATE, Operation.DELETE, Operation.GET);
    String id = create().get("id").asText();

    await(provider.delete(id));

    if (provider.capabilities().deleteDeactivates()) {
      assertEquals(false, await(provider.get(id)).path("active").asBoolean(true), "deactivated, still readable");
    } else {
      assertEquals(404, failure(provider.get(id)).status(), "gone");
    }
  }

  @Test
  void deleteOfAnUnknownIdFailsWithAScimFailure() {
    requires(Operation.DELETE);

    ScimFailure failure = failure(provider.delete("tck-unknown-" + UUID.randomUUID()));

    assertEquals(404, failure.status());
  }

  // ---- helpers ----

  private void requires(Operation... operations) {
    for (Operation operation : operations) {
      assumeTrue(provider.capabilities().supports(operation), "the provider does not declare " + operation);
    }
  }

  private ObjectNode create() {
    return await(provider.create(fixture.newResource(unique())));
  }

  private Set<String> topLevelStored(ObjectNode created) {
    Set<String> names = new HashSet<>();
    provider.capabilities().attributes().forEach(path -> names.add(AttributePaths.topLevel(path)));
    names.removeIf(name -> !created.has(name));
    return names;
  }

  private static ListQuery query(String attribute, String value) {
    return new ListQuery(Optional.of(ListFilter.equality(attribute, value, true)), 1, 100);
  }

  private static ListFilter.Comparison equality(String attribute, String value) {
    return new ListFilter.Comparison(attribute, FilterOperator.EQ, value, true);
  }

  private static Optional<String> value(ObjectNode resource, String path) {
    JsonNode value = at(resource, path);
    return value.isValueNode() && !value.isNull() ? Optional.of(value.asText()) : Optional.empty();
  }

  private static JsonNode at(JsonNode resource, String path) {
    JsonNode current = resource;
    for (String segment : AttributePaths.segments(path)) {
      current = current.path(segment);
    }
    return current;
  }

  private static String unique() {
    return "tck" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Waits on the JUnit thread that runs the contract; {@link Future#await} refuses an event-loop thread. */
  private static <T> T await(Future<T> future) {
    try {
      return future.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the provider did not answer within " + TIMEOUT_SECONDS + " s", e);
    } catch (Exception e) {
      throw new AssertionError("the provider failed: " + e, e);
    }
  }

  private static ScimFailure failure(Future<?> future) {
    try {
      future.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the provider did not answer within " + TIMEOUT_SECONDS + " s", e);
    } catch (Exception e) {
      return assertInstanceOf(ScimFailure.class, e, "failures are ScimFailures: " + e);
    }
    throw new AssertionError("expected a ScimFailure, but the provider succeeded");
  }
}
