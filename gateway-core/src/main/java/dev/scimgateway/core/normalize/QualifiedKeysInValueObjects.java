package dev.scimgateway.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.resource.ResourceDefinition;
import dev.scimgateway.core.resource.SchemaDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Entra ID's no-path operations may name attributes by their paths qualified with a schema's URN
 * ({@code {"op":"replace","value":{"urn:…:enterprise:2.0:User:employeeNumber":"1"}}}, as Microsoft's SCIM
 * validator sends); RFC 7644 puts an extension's attributes in the extension's object
 * ({@code {"urn:…:enterprise:2.0:User":{"employeeNumber":"1"}}}) and the core schema's at the top. Keys of an
 * unknown URN are left alone.
 */
final class QualifiedKeysInValueObjects extends PatchOperationRule {

  @Override
  public String name() {
    return "qualified-keys-in-value-objects";
  }

  @Override
  void rewrite(ResourceDefinition type, ObjectNode operation) {
    if (operation.hasNonNull("path") || !(operation.get("value") instanceof ObjectNode value)) {
      return;
    }
    List<String> qualified = new ArrayList<>();
    value.fieldNames().forEachRemaining(key -> {
      if (key.regionMatches(true, 0, "urn:", 0, 4) && type.extension(key).isEmpty()) {
        qualified.add(key);
      }
    });
    for (String key : qualified) {
      for (SchemaDefinition schema : type.schemas()) {
        if (key.length() > schema.id().length() + 1 && key.regionMatches(true, 0, schema.id() + ":", 0, schema.id().length() + 1)) {
          ObjectNode container = schema == type.schema() ? value : objectAt(value, schema.id());
          put(container, key.substring(schema.id().length() + 1).split("\\."), value.remove(key));
          break;
        }
      }
    }
  }

  private static void put(ObjectNode container, String[] names, JsonNode attributeValue) {
    ObjectNode parent = container;
    for (int i = 0; i < names.length - 1; i++) {
      parent = objectAt(parent, names[i]);
    }
    parent.set(names[names.length - 1], attributeValue);
  }

  /** The object in {@code parent}'s field {@code name} in any case (the IdP's spelling kept), made if there is none. */
  private static ObjectNode objectAt(ObjectNode parent, String name) {
    for (Iterator<String> names = parent.fieldNames(); names.hasNext(); ) {
      String existing = names.next();
      if (existing.equalsIgnoreCase(name) && parent.get(existing) instanceof ObjectNode object) {
        return object;
      }
    }
    return parent.putObject(name);
  }
}
