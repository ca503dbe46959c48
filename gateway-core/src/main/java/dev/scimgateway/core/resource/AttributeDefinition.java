package dev.scimgateway.core.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One attribute of an RFC 7643 §7 schema, as its definition declares it.
 *
 * @param name the attribute's name, e.g. {@code userName}
 * @param type {@code string}, {@code boolean}, {@code decimal}, {@code integer}, {@code dateTime},
 *     {@code reference}, {@code binary} or {@code complex}
 * @param multiValued whether it holds a list of values
 * @param required whether a resource must have it
 * @param mutability {@code readOnly}, {@code readWrite}, {@code immutable} or {@code writeOnly}
 * @param returned {@code always}, {@code never}, {@code default} or {@code request}
 * @param caseExact whether string comparisons respect case
 * @param uniqueness {@code none}, {@code server} or {@code global}
 * @param subAttributes the sub-attributes of a complex attribute
 */
public record AttributeDefinition(String name, String type, boolean multiValued, boolean required, String mutability,
    String returned, boolean caseExact, String uniqueness, List<AttributeDefinition> subAttributes) {

  public AttributeDefinition {
    subAttributes = List.copyOf(subAttributes);
  }

  static AttributeDefinition fromJson(JsonNode node) {
    List<AttributeDefinition> subAttributes = new ArrayList<>();
    node.path("subAttributes").forEach(sub -> subAttributes.add(fromJson(sub)));
    return new AttributeDefinition(
        node.path("name").asText(),
        node.path("type").asText("string"),
        node.path("multiValued").asBoolean(false),
        node.path("required").asBoolean(false),
        node.path("mutability").asText("readWrite"),
        node.path("returned").asText("default"),
        node.path("caseExact").asBoolean(false),
        node.path("uniqueness").asText("none"),
        subAttributes);
  }

  public boolean isComplex() {
    return type.equals("complex");
  }

  /** The sub-attribute called {@code name} in any case. */
  public Optional<AttributeDefinition> subAttribute(String name) {
    return subAttributes.stream().filter(sub -> sub.name().equalsIgnoreCase(name)).findFirst();
  }

  String lowerName() {
    return name.toLowerCase(Locale.ROOT);
  }
}
