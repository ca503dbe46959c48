package dev.scimgateway.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimgateway.core.resource.ResourceDefinition;
import dev.scimgateway.core.resource.ResourceTypeRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Entra ID's value shapes become what RFC 7643 says each attribute holds. */
class EntraValueShapesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResourceDefinition USER = ResourceTypeRegistry.fromClasspath().byName("User").orElseThrow();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "array-wrapped scalar | {'op':'Replace','path':'name.givenName','value':[{'value':'Janet'}]} | {'op':'replace','path':'name.givenName','value':'Janet'}",
      "object-wrapped scalar | {'op':'Add','path':'externalId','value':{'value':'e-1'}} | {'op':'add','path':'externalId','value':'e-1'}",
      "wrapped string boolean | {'op':'Replace','path':'active','value':[{'value':'False'}]} | {'op':'replace','path':'active','value':false}",
      "core URN path | {'op':'replace','path':'urn:ietf:params:scim:schemas:core:2.0:User:displayName','value':[{'value':'J'}]} | {'op':'replace','path':'urn:ietf:params:scim:schemas:core:2.0:User:displayName','value':'J'}",
      "bare manager id | {'op':'Replace','path':'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager','value':'m-1'} | {'op':'replace','path':'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager','value':{'value':'m-1'}}",
      "multi-valued left alone | {'op':'add','path':'emails','value':[{'value':'a@b.c'}]} | {'op':'add','path':'emails','value':[{'value':'a@b.c'}]}",
      "dotted keys nested | {'op':'replace','value':{'name.givenName':'Jo','name.familyName':'Do','active':'True'}} | {'op':'replace','value':{'name':{'givenName':'Jo','familyName':'Do'},'active':true}}",
      "dotted keys nested in an extension | {'op':'replace','value':{'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'manager.value':'m-1','department':'S'}}} | {'op':'replace','value':{'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'manager':{'value':'m-1'},'department':'S'}}}",
      "URN keys kept | {'op':'replace','value':{'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'department':'S'}}} | {'op':'replace','value':{'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'department':'S'}}}"
  })
  void normalizesOneOperation(String name, String operation, String expected) throws Exception {
    ObjectNode body = (ObjectNode) JSON.readTree("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
        + operation.replace('\'', '"') + "]}");

    DialectNormalizer.standard().normalize(USER, body);

    assertEquals(JSON.readTree(expected.replace('\'', '"')), body.get("Operations").get(0));
  }
}
