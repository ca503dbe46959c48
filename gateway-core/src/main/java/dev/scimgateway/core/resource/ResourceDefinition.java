package dev.scimgateway.core.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.adapter.api.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A resource type the gateway serves, as data: its RFC 7643 §6 definition (name, endpoint, schema and
 * extensions) and their §7 schemas. Everything the gateway does that depends on the resource type asks
 * this: routing, discovery, validation, normalization, projection and auditing.
 *
 * @param type the name, endpoint and core schema URN
 * @param description the resource type's description
 * @param schema the core schema
 * @param extensions the schema extensions, e.g. the enterprise User
 * @param document the resource type document, for {@code /ResourceTypes}
 */
public record ResourceDefinition(ResourceType type, String description, SchemaDefinition schema,
    List<SchemaDefinition> extensions, ObjectNode document) {

  /** Attributes every resource has (RFC 7643 §3.1), whatever its schema says. */
  private static final AttributeDefinition ID = new AttributeDefinition(
      "id", "string", false, false, "readOnly", "always", true, "server", List.of());
  private static final AttributeDefinition EXTERNAL_ID = new AttributeDefinition(
      "externalId", "string", false, false, "readWrite", "default", true, "none", List.of());

  public ResourceDefinition {
    extensions = List.copyOf(extensions);
  }

  public String name() {
    return type.name();
  }

  /**
   * The attribute at a path: dotted ({@code name.givenName}), qualified with the core schema's URN, or
   * with an extension's ({@code urn:…:enterprise:2.0:User:manager}); any case.
   */
  public Optional<AttributeDefinition> attribute(String path) {
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
    return extensions.stream().filter(extension -> extension.id().equalsIgnoreCase(urn)).findFirst();
  }

  /** Every schema of the type: the core schema, then its extensions. */
  public List<SchemaDefinition> schemas() {
    List<SchemaDefinition> all = new ArrayList<>();
    all.add(schema);
    all.addAll(extensions);
    return all;
  }

  /** The core schema's top-level attributes that a resource must have, e.g. {@code userName}. */
  public List<AttributeDefinition> requiredAttributes() {
    return schema.attributes().stream().filter(AttributeDefinition::required).toList();
  }

  /**
   * The attribute that names a resource for people, e.g. in the audit line: the first required
   * attribute of the core schema ({@code userName}, {@code displayName}), if any.
   */
  public Optional<String> displayAttribute() {
    return requiredAttributes().stream().map(AttributeDefinition::name).findFirst();
  }

  /** The names (lower case) of the boolean attributes at any level of any of the type's schemas. */
  public Set<String> booleanAttributeNames() {
    return allAttributes()
        .filter(attribute -> attribute.type().equals("boolean"))
        .map(AttributeDefinition::lowerName)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The top-level attributes whose {@code returned} is {@code never}, e.g. {@code password}. */
  public Set<String> neverReturned() {
    return schemas().stream().flatMap(s -> s.attributes().stream())
        .filter(attribute -> attribute.returned().equals("never"))
        .map(AttributeDefinition::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  private Stream<AttributeDefinition> allAttributes() {
    return schemas().stream().flatMap(s -> s.byPath().values().stream());
  }

  static String lower(String path) {
    return path.toLowerCase(Locale.ROOT);
  }

  private static boolean startsWithUrn(String path, String urn) {
    return path.length() > urn.length() && path.charAt(urn.length()) == ':' && path.regionMatches(true, 0, urn, 0, urn.length());
  }
}
