package dev.scimgateway.core.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A resource type the gateway serves, as data: its RFC 7643 §6 definition (name, endpoint, schema and
 * extensions) and their §7 schemas. Everything the gateway does that depends on the resource type asks
 * this: routing, discovery, validation, normalization, projection and auditing. What requests ask of
 * it on every call (required, boolean and never-returned attributes) is worked out once.
 */
public final class ResourceDefinition {

  /** Attributes every resource has (RFC 7643 §3.1), whatever its schema says. */
  private static final AttributeDefinition ID = new AttributeDefinition(
      "id", "string", false, false, "readOnly", "always", true, "server", List.of());
  private static final AttributeDefinition EXTERNAL_ID = new AttributeDefinition(
      "externalId", "string", false, false, "readWrite", "default", true, "none", List.of());

  private final ResourceType type;
  private final String description;
  private final SchemaDefinition schema;
  private final List<SchemaDefinition> extensions;
  private final ObjectNode document;
  private final List<SchemaDefinition> schemas;
  private final List<AttributeDefinition> requiredAttributes;
  private final Optional<String> displayAttribute;
  private final Set<String> booleanAttributeNames;
  private final Set<String> neverReturned;
  /**
   * Attribute look-ups by the path exactly as asked: the normalization rules and value checks ask for
   * every attribute of every request body, each a lower-casing and a map look-up otherwise. Paths come
   * from requests, so only so many, and only short ones, are remembered.
   */
  private final Map<String, Optional<AttributeDefinition>> byExactPath = new ConcurrentHashMap<>();
  private static final int MAX_REMEMBERED_PATHS = 4096;
  private static final int MAX_REMEMBERED_PATH_LENGTH = 128;

  /**
   * @param type the name, endpoint and core schema URN
   * @param description the resource type's description
   * @param schema the core schema
   * @param extensions the schema extensions, e.g. the enterprise User
   * @param document the resource type document, for {@code /ResourceTypes}
   */
  public ResourceDefinition(ResourceType type, String description, SchemaDefinition schema,
      List<SchemaDefinition> extensions, ObjectNode document) {
    this.type = type;
    this.description = description;
    this.schema = schema;
    this.extensions = List.copyOf(extensions);
    this.document = document;
    List<SchemaDefinition> all = new ArrayList<>();
    all.add(schema);
    all.addAll(this.extensions);
    this.schemas = List.copyOf(all);
    this.requiredAttributes = schema.attributes().stream().filter(AttributeDefinition::required).toList();
    this.displayAttribute = requiredAttributes.stream().map(AttributeDefinition::name).findFirst();
    Set<String> booleans = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    schemas.stream().flatMap(s -> s.byPath().values().stream())
        .filter(attribute -> attribute.type().equals("boolean"))
        .forEach(attribute -> booleans.add(attribute.lowerName()));
    this.booleanAttributeNames = Collections.unmodifiableSet(booleans);
    this.neverReturned = schemas.stream().flatMap(s -> s.attributes().stream())
        .filter(attribute -> attribute.returned().equals("never"))
        .map(AttributeDefinition::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The name, endpoint and core schema URN. */
  public ResourceType type() {
    return type;
  }

  public String description() {
    return description;
  }

  /** The core schema. */
  public SchemaDefinition schema() {
    return schema;
  }

  /** The schema extensions, e.g. the enterprise User. */
  public List<SchemaDefinition> extensions() {
    return extensions;
  }

  /** The resource type document, for {@code /ResourceTypes}. */
  public ObjectNode document() {
    return document;
  }

  public String name() {
    return type.name();
  }

  /**
   * The attribute at a path: dotted ({@code name.givenName}), qualified with the core schema's URN, or
   * with an extension's ({@code urn:…:enterprise:2.0:User:manager}); any case.
   */
  public Optional<AttributeDefinition> attribute(String path) {
    Optional<AttributeDefinition> known = byExactPath.get(path);
    if (known != null) {
      return known;
    }
    Optional<AttributeDefinition> found = find(path);
    if (path.length() <= MAX_REMEMBERED_PATH_LENGTH && byExactPath.size() < MAX_REMEMBERED_PATHS) {
      byExactPath.put(path, found);
    }
    return found;
  }

  private Optional<AttributeDefinition> find(String path) {
    String trimmed = path.trim();
    if (trimmed.equalsIgnoreCase("id")) {
      return Optional.of(ID);
    }
    if (trimmed.equalsIgnoreCase("externalId")) {
      return Optional.of(EXTERNAL_ID);
    }
    for (SchemaDefinition extension : extensions) {
      if (startsWithUrn(trimmed, extension.id())) {
        return extension.attribute(trimmed.substring(extension.id().length() + 1));
      }
    }
    if (startsWithUrn(trimmed, schema.id())) {
      return schema.attribute(trimmed.substring(schema.id().length() + 1));
    }
    return schema.attribute(trimmed);
  }

  /** The schema an extension URN names, in any case. */
  public Optional<SchemaDefinition> extension(String urn) {
    for (SchemaDefinition extension : extensions) {
      if (extension.id().equalsIgnoreCase(urn)) {
        return Optional.of(extension);
      }
    }
    return Optional.empty();
  }

  /** Every schema of the type: the core schema, then its extensions. */
  public List<SchemaDefinition> schemas() {
    return schemas;
  }

  /** The core schema's top-level attributes that a resource must have, e.g. {@code userName}. */
  public List<AttributeDefinition> requiredAttributes() {
    return requiredAttributes;
  }

  /**
   * The attribute that names a resource for people, e.g. in the audit line: the first required
   * attribute of the core schema ({@code userName}, {@code displayName}), if any.
   */
  public Optional<String> displayAttribute() {
    return displayAttribute;
  }

  /**
   * The names (lower case) of the boolean attributes at any level of any of the type's schemas; it
   * contains a name in any case.
   */
  public Set<String> booleanAttributeNames() {
    return booleanAttributeNames;
  }

  /** The top-level attributes whose {@code returned} is {@code never}, e.g. {@code password}. */
  public Set<String> neverReturned() {
    return neverReturned;
  }

  static String lower(String path) {
    return path.toLowerCase(Locale.ROOT);
  }

  private static boolean startsWithUrn(String path, String urn) {
    return path.length() > urn.length() && path.charAt(urn.length()) == ':' && path.regionMatches(true, 0, urn, 0, urn.length());
  }
}
