package dev.scimgateway.adapter.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A PATCH as it reaches {@link ResourceProvider#modify}: what the IdP asked for, described the way
 * SCIM describes it, so that an adapter can apply it upstream without reading the resource first
 * when its upstream takes such operations, and ask for the whole state only when it needs it.
 *
 * <ul>
 *   <li>{@link #operations()}: the IdP's operations, normalized to plain RFC 7644;</li>
 *   <li>{@link #attributes()}: the attributes the provider stores that they target;</li>
 *   <li>{@link #assignedValue} and {@link #delta}: what the operations alone decide, whatever the
 *       resource holds now: the new value of a single-valued attribute, the values added to and
 *       removed from a multi-valued one;</li>
 *   <li>{@link #resolve()}: the resource before and after the operations, which costs a read.</li>
 * </ul>
 *
 * The gateway has already checked the operations' syntax and value types; errors that depend on the
 * resource's state (a filter that matches nothing) surface from {@link #resolve()}.
 */
public final class ResourceChange {

  private final List<PatchOperation> operations;
  private final Set<String> attributes;
  private final Map<String, JsonNode> assignedValues;
  private final Map<String, MultiValuedDelta> deltas;
  private final Supplier<Future<ChangeSet>> resolver;
  private Future<ChangeSet> resolved;

  /**
   * @param operations the normalized operations, in order
   * @param attributes the stored attribute paths they target, in the provider's spelling
   * @param assignedValues stored single-valued attribute paths whose new value the operations decide
   *     (a JSON null for an attribute they remove)
   * @param deltas stored multi-valued attributes whose added and removed values the operations decide
   * @param resolver reads the resource and applies the operations; called at most once
   */
  public ResourceChange(List<PatchOperation> operations, Set<String> attributes, Map<String, JsonNode> assignedValues,
      Map<String, MultiValuedDelta> deltas, Supplier<Future<ChangeSet>> resolver) {
    this.operations = List.copyOf(operations);
    this.attributes = Set.copyOf(attributes);
    this.assignedValues = Map.copyOf(assignedValues);
    this.deltas = Map.copyOf(deltas);
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  public List<PatchOperation> operations() {
    return operations;
  }

  /** The attribute paths the provider stores that the operations target, e.g. {@code [active]}. */
  public Set<String> attributes() {
    return attributes;
  }

  /** Whether the operations target no stored attribute but those in {@code paths} (ignoring case). */
  public boolean targetsOnly(Set<String> paths) {
    return attributes.stream().allMatch(attribute -> paths.stream().anyMatch(attribute::equalsIgnoreCase));
  }

  /**
   * The value a stored single-valued attribute will have, when the operations decide it whatever the
   * resource holds now; a JSON null when they remove it. Empty when they do not target it, or target it
   * in a way only the current state can settle.
   */
  public Optional<JsonNode> assignedValue(String path) {
    return assignedValues.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(path))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /**
   * The values the operations add to and remove from a stored multi-valued attribute, when they alone
   * decide it (adds, and removes by {@code value eq}); empty when the attribute is not targeted or is
   * replaced or cleared as a whole, which only {@link #resolve()} can turn into a difference.
   */
  public Optional<MultiValuedDelta> delta(String attribute) {
    return deltas.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(attribute))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /**
   * The resource as the provider returns it now and with the operations applied, both reduced to the
   * stored attributes. Reads the resource with {@link ResourceProvider#get} the first time it is called;
   * fails with 400 when the operations cannot be applied to it.
   */
  public synchronized Future<ChangeSet> resolve() {
    if (resolved == null) {
      resolved = resolver.get();
    }
    return resolved;
  }

  @Override
  public String toString() {
    return "ResourceChange" + operations;
  }
}
