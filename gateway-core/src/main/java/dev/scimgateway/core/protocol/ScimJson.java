package dev.scimgateway.core.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.scimgateway.adapter.api.ScimErrorType;
import dev.scimgateway.adapter.api.ScimFailure;
import java.nio.charset.StandardCharsets;

/**
 * Reading request bodies and writing responses with the SCIM SDK's Jackson configuration, whose JSON
 * objects match field names ignoring case ({@link CaseInsensitiveObjectNode}). The SDK is configured
 * the same way for the whole JVM, so the objects it makes itself (applying a PATCH) are of one kind
 * with the gateway's.
 */
public final class ScimJson {

  static {
    JsonUtils.setCustomMapperFactory(new CaseInsensitiveObjectNode.Mappers());
  }

  private static final ObjectMapper MAPPER = JsonUtils.createObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer();
  // Resolved once: a writer for no particular type looks its serializer up on every call (and readTree, its deserializer).
  private static final ObjectWriter TREE_WRITER = MAPPER.writerFor(JsonNode.class);
  private static final ObjectReader TREES = MAPPER.readerFor(JsonNode.class);

  private ScimJson() {}

  /** The body as a JSON object, or a 400 {@code invalidSyntax} saying what is wrong with it. */
  public static ObjectNode parseObject(byte[] body) {
    if (body == null || body.length == 0) {
      throw emptyBody();
    }
    JsonNode node;
    try {
      node = TREES.readValue(body);
    } catch (JsonProcessingException e) {
      if (new String(body, StandardCharsets.UTF_8).isBlank()) {
        throw emptyBody();
      }
      var location = e.getLocation();
      String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw ScimFailure.badRequest(ScimErrorType.INVALID_SYNTAX, "The request body is not valid JSON" + where + ".");
    } catch (java.io.IOException e) {
      throw ScimFailure.badRequest(ScimErrorType.INVALID_SYNTAX, "The request body could not be read as JSON.");
    }
    if (node == null || !node.isObject()) {
      throw ScimFailure.badRequest(ScimErrorType.INVALID_SYNTAX, "The request body must be a JSON object.");
    }
    return (ObjectNode) node;
  }

  private static ScimFailure emptyBody() {
    return ScimFailure.badRequest(ScimErrorType.INVALID_SYNTAX, "The request body is empty; a JSON object is required.");
  }

  public static byte[] write(Object value) {
    try {
      return value instanceof JsonNode ? TREE_WRITER.writeValueAsBytes(value) : WRITER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a response of type " + value.getClass().getSimpleName(), e);
    }
  }

  public static ObjectNode newObject() {
    return MAPPER.createObjectNode();
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
