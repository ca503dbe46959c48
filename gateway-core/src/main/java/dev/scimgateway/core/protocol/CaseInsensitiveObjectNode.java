package dev.scimgateway.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.MapperFactory;
import java.util.Map;

/**
 * A JSON object whose field names match ignoring case (RFC 7643 §2.1), as the SCIM SDK's
 * {@code CaseIgnoreObjectNode} does, without lower-casing a name on every look-up (see
 * {@link CaseInsensitiveFields}): that was the hottest leaf of a create's profile.
 */
final class CaseInsensitiveObjectNode extends ObjectNode {

  /** Makes these objects, for the gateway's mapper and the SCIM SDK's. */
  static final JsonNodeFactory FACTORY = new JsonNodeFactory() {
    @Override
    public ObjectNode objectNode() {
      return new CaseInsensitiveObjectNode(this);
    }
  };

  /** The SCIM SDK's mapper configuration with these objects. */
  static final class Mappers extends MapperFactory {
    @Override
    public ObjectMapper createObjectMapper() {
      ObjectMapper mapper = super.createObjectMapper();
      mapper.setNodeFactory(FACTORY);
      return mapper;
    }
  }

  private CaseInsensitiveObjectNode(JsonNodeFactory factory) {
    super(factory, new CaseInsensitiveFields());
  }

  @Override
  public ObjectNode deepCopy() {
    ObjectNode copy = new CaseInsensitiveObjectNode(_nodeFactory);
    for (Map.Entry<String, JsonNode> field : _children.entrySet()) {
      copy.set(field.getKey(), field.getValue().deepCopy());
    }
    return copy;
  }
}
