package dev.scimgateway.adapter.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of resources returned by {@link ResourceProvider#list}.
 *
 * @param resources the resources on this page, in the upstream's order
 * @param totalResults how many resources match the query in all
 * @param startIndex the 1-based index of the first resource on this page
 */
public record ResourcePage(List<ObjectNode> resources, int totalResults, int startIndex) {

  public ResourcePage {
    resources = List.copyOf(resources);
  }
}
