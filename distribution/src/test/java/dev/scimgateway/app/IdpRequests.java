package dev.scimgateway.app;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The requests Okta and Microsoft Entra ID send, as their provisioning clients write them (see
 * {@code shared/docs/idp-behavior.md}), shared by the end-to-end tests of every adapter.
 */
final class IdpRequests {

  static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

  /** Okta's look-up before it creates jane.doe@example.com. */
  static final String OKTA_LOOKUP_JANE = "?filter=userName%20eq%20%22jane.doe%40example.com%22&startIndex=1&count=100";

  /** Okta's create, with its full body. */
  static final String OKTA_CREATE_JANE = """
      {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"jane.doe@example.com",
       "name":{"givenName":"Jane","familyName":"Doe"},
       "emails":[{"primary":true,"value":"jane.doe@example.com","type":"work"}],
       "displayName":"Jane Doe","locale":"en-US","externalId":"00u1abcd","groups":[],"active":true}""";

  /** Okta's deactivation: a PATCH with no path and the attribute in a value object. */
  static final String OKTA_DEACTIVATE = """
      {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
       "Operations":[{"op":"replace","value":{"active":false}}]}""";

  /** Entra's create of jdoe@contoso.com, with the enterprise extension. */
  static final String ENTRA_CREATE_JDOE = """
      {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
       "externalId":"jdoe","userName":"jdoe@contoso.com","active":true,"displayName":"Jane Doe",
       "emails":[{"primary":true,"type":"work","value":"jdoe@contoso.com"}],"meta":{"resourceType":"User"},
       "name":{"formatted":"Jane Doe","familyName":"Doe","givenName":"Jane"},"roles":[],
       "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Sales","manager":{"value":"m-1"}}}""";

  /** Entra's update: one capitalised operation per changed attribute, with a string boolean. */
  static final String ENTRA_UPDATE_JDOE = """
      {"schemas":["%s"],"Operations":[
        {"op":"Replace","path":"name.givenName","value":"Janet"},
        {"op":"Add","path":"emails[type eq \\"work\\"].value","value":"janet@contoso.com"},
        {"op":"Replace","path":"displayName","value":"Janet Doe"},
        {"op":"Replace","path":"active","value":"True"}]}""".formatted(PATCH_OP);

  private IdpRequests() {}

  /** Okta's profile push: a PUT of the whole user, with the given name changed to Janet. */
  static String oktaProfileUpdate(String id) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"%s","userName":"jane.doe@example.com",
         "name":{"givenName":"Janet","familyName":"Doe"},
         "emails":[{"primary":true,"value":"jane.doe@example.com","type":"work"}],
         "displayName":"Janet Doe","locale":"en-US","externalId":"00u1abcd","groups":[],"active":true}""".formatted(id);
  }

  /** Entra's disable ({@code "False"}) or enable ({@code "True"}) on the active path. */
  static String entraActive(String value) {
    return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"" + value + "\"}]}";
  }

  /** Entra's group create: an externalId and no members. */
  static String entraGroupCreate(String displayName, String externalId) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"%s","displayName":"%s","members":[]}"""
        .formatted(externalId, displayName);
  }

  /** Entra's batch of members added, each with {@code "$ref": null}. */
  static String entraAddMembers(String... ids) {
    return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":["
        + refs(ids) + "]}]}";
  }

  /** Entra's older removal shape: a value list on the members path. */
  static String entraRemoveMembers(String... ids) {
    return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"Remove\",\"path\":\"members\",\"value\":["
        + refs(ids) + "]}]}";
  }

  /** Entra's rename. */
  static String entraRename(String displayName) {
    return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\""
        + displayName + "\"}]}";
  }

  private static String refs(String... ids) {
    return Arrays.stream(ids).map(id -> "{\"$ref\":null,\"value\":\"" + id + "\"}").collect(Collectors.joining(","));
  }
}
