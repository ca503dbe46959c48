package dev.scimgateway.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.AttributeSelection;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code attributes} and {@code excludedAttributes} query parameters (RFC 7644 §3.9), applied to
 * a response resource. {@code id} and {@code schemas} are always returned. Names are matched
 * case-insensitively; a core schema URN prefix ({@code urn:…:core:2.0:User:userName}) is allowed, and
 * an extension attribute is named by its URN and attribute ({@code urn:…:enterprise:2.0:User:manager}).
 */
public final class AttributeProjection {

  private static final List<String> ALWAYS_RETURNED = List.of("id", "schemas");
  private static final AttributeProjection NONE = new AttributeProjection(List.of(), List.of());

  /** The projections of requests that ask for neither parameter, by the attributes never returned. */
  private static final Map<Set<String>, AttributeProjection> UNASKED = new ConcurrentHashMap<>();
  private static final int MAX_UNASKED = 64;

  private final List<List<String>> included;
  private final List<List<String>> excluded;
  /** Made on first use; an immutable value, so threads that make it at once make equal ones. */
  private AttributeSelection selection;

  private AttributeProjection(List<List<String>> included, List<List<String>> excluded) {
    this.included = included;
    this.excluded = excluded;
  }

  public static AttributeProjection fromQuery(MultiMap query) {
    return fromQuery(query, Set.of());
  }

  /**
   * The projection a request asks for; {@code neverReturned} (RFC 7643 {@code returned: never}, e.g.
   * {@code password}) are removed from every response whatever was asked.
   */
  public static AttributeProjection fromQuery(MultiMap query, Set<String> neverReturned) {
    String attributes = query.isEmpty() ? null : query.get("attributes");
    String excludedAttributes = query.isEmpty() ? null : query.get("excludedAttributes");
    if (isAbsent(attributes) && isAbsent(excludedAttributes)) {
      // What nearly every request asks: the resource type's defaults, made once per type.
      if (neverReturned.isEmpty()) {
        return NONE;
      }
      AttributeProjection known = UNASKED.get(neverReturned);
      return known != null ? known
          : UNASKED.size() < MAX_UNASKED ? UNASKED.computeIfAbsent(Set.copyOf(neverReturned), AttributeProjection::excluding)
          : excluding(neverReturned);
    }
    List<List<String>> included = paths(attributes);
    List<List<String>> excluded = new ArrayList<>(paths(excludedAttributes));
    neverReturned.forEach(name -> excluded.add(List.of(name)));
    return new AttributeProjection(included, excluded);
  }

  private static AttributeProjection excluding(Set<String> neverReturned) {
    return new AttributeProjection(List.of(), neverReturned.stream().map(List::of).toList());
  }

  private static boolean isAbsent(String parameter) {
    return parameter == null || parameter.isBlank();
  }

  /** What the IdP will be shown, for a provider that can save work by leaving the rest out. */
  public AttributeSelection selection() {
    if (this == NONE) {
      return AttributeSelection.DEFAULT;
    }
    AttributeSelection known = selection;
    if (known == null) {
      known = selectionOf(included, excluded);
      selection = known;
    }
    return known;
  }

  private static AttributeSelection selectionOf(List<List<String>> included, List<List<String>> excluded) {
    Set<String> top = new HashSet<>();
    included.forEach(path -> top.add(path.get(0).toLowerCase(Locale.ROOT)));
    Set<String> dropped = new HashSet<>();
    excluded.stream().filter(path -> path.size() == 1).forEach(path -> dropped.add(path.get(0).toLowerCase(Locale.ROOT)));
    if (!top.isEmpty()) {
      top.addAll(ALWAYS_RETURNED);
    }
    return new AttributeSelection(top, dropped);
  }

  /**
   * {@code resource} projected: a copy when {@code attributes} was asked for, else {@code resource}
   * itself, less what is excluded. Every response resource is the request's own, so removing in place
   * spares a copy of the whole tree per response.
   */
  public ObjectNode apply(ObjectNode resource) {
    if (this == NONE) {
      return resource;
    }
    ObjectNode result;
    if (!included.isEmpty()) {
      result = ScimJson.newObject();
      for (String always : ALWAYS_RETURNED) {
        copy(resource, result, List.of(always));
      }
      included.forEach(path -> copy(resource, result, path));
    } else {
      result = resource;
    }
    for (List<String> path : excluded) {
      if (!(path.size() == 1 && ALWAYS_RETURNED.contains(path.get(0)))) {
        remove(result, path);
      }
    }
    return result;
  }

  private static List<List<String>> paths(String parameter) {
    if (parameter == null || parameter.isBlank()) {
      return List.of();
    }
    List<List<String>> paths = new ArrayList<>();
    for (String raw : parameter.split(",")) {
      String path = raw.trim();
      if (!path.isEmpty()) {
        paths.add(segments(path));
      }
    }
    return paths;
  }

  /** A name of an attribute or sub-attribute (RFC 7643 §2.1 ATTRNAME), or a schema URN's last part. */
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z$][A-Za-z0-9$_-]*");

  private static List<String> segments(String path) {
    List<String> segments = parsedSegments(path);
    for (String segment : segments.isEmpty() ? List.of("") : segments) {
      if (!segment.regionMatches(true, 0, "urn:", 0, 4) && !NAME.matcher(segment).matches()) {
        throw ScimFailure.badRequest(ScimErrorType.INVALID_VALUE, "'" + path
            + "' in attributes or excludedAttributes is not an attribute name (RFC 7643 §2.1).");
      }
    }
    return segments;
  }

  private static List<String> parsedSegments(String path) {
    if (path.toLowerCase(Locale.ROOT).startsWith("urn:")) {
      int colon = path.lastIndexOf(':');
      String urn = path.substring(0, colon);
      List<String> attribute = Arrays.asList(path.substring(colon + 1).split("\\.", -1));
      if (CoreSchema.isCoreUrn(urn)) {
        return attribute;
      }
      List<String> segments = new ArrayList<>();
      segments.add(urn);
      segments.addAll(attribute);
      return segments;
    }
    return Arrays.asList(path.split("\\.", -1));
  }

  private static void copy(JsonNode source, ObjectNode target, List<String> path) {
    Map.Entry<String, JsonNode> field = field(source, path.get(0));
    if (field == null) {
      return;
    }
    if (path.size() == 1) {
      target.set(field.getKey(), field.getValue().deepCopy());
    } else if (field.getValue().isObject()) {
      ObjectNode child = target.get(field.getKey()) instanceof ObjectNode existing ? existing : target.putObject(field.getKey());
      copy(field.getValue(), child, path.subList(1, path.size()));
    } else if (field.getValue().isArray()) {
      ArrayNode values = target.putArray(field.getKey());
      for (JsonNode element : field.getValue()) {
        ObjectNode projected = values.addObject();
        copy(element, projected, path.subList(1, path.size()));
      }
    }
  }

  private static void remove(JsonNode node, List<String> path) {
    Map.Entry<String, JsonNode> field = field(node, path.get(0));
    if (field == null) {
      return;
    }
    if (path.size() == 1) {
      ((ObjectNode) node).remove(field.getKey());
    } else if (field.getValue().isArray()) {
      field.getValue().forEach(element -> remove(element, path.subList(1, path.size())));
    } else {
      remove(field.getValue(), path.subList(1, path.size()));
    }
  }

  private static Map.Entry<String, JsonNode> field(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equalsIgnoreCase(name)) {
        return field;
      }
    }
    return null;
  }
}
