package dev.scimgateway.core.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 7643 §7 schema: its URN, its attributes, and the document itself for {@code /Schemas}.
 * Attribute look-ups ignore case and are indexed once.
 */
public final class SchemaDefinition {

  private final String id;
  private final List<AttributeDefinition> attributes;
  private final ObjectNode document;
  private final Map<String, AttributeDefinition> byPath = new HashMap<>();

  private SchemaDefinition(String id, List<AttributeDefinition> attributes, ObjectNode document) {
    this.id = id;
    this.attributes = List.copyOf(attributes);
    this.document = document;
    index(this.attributes, "");
  }

  static SchemaDefinition fromJson(ObjectNode document) {
    String id = document.path("id").asText();
    if (!id.regionMatches(true, 0, "urn:", 0, 4)) {
      throw new IllegalArgumentException("a schema's id must be its URN, got '" + id + "'");
    }
    List<AttributeDefinition> attributes = new ArrayList<>();
    document.path("attributes").forEach(attribute -> attributes.add(AttributeDefinition.fromJson(attribute)));
    return new SchemaDefinition(id, attributes, document);
  }

  /** The schema's URN. */
  public String id() {
    return id;
  }

  public List<AttributeDefinition> attributes() {
    return attributes;
  }

  /** A copy of the schema document. */
  public ObjectNode document() {
    return document.deepCopy();
  }

  /** The attribute at a dotted path, e.g. {@code name.givenName}, in any case. */
  public Optional<AttributeDefinition> attribute(String dottedPath) {
    return Optional.ofNullable(byPath.get(ResourceDefinition.lower(dottedPath)));
  }

  /** Every attribute and sub-attribute, by its dotted path (lower case). */
  Map<String, AttributeDefinition> byPath() {
    return byPath;
  }

  private void index(List<AttributeDefinition> level, String prefix) {
    for (AttributeDefinition attribute : level) {
      String path = prefix + attribute.lowerName();
      byPath.put(path, attribute);
      index(attribute.subAttributes(), path + ".");
    }
  }
}
