package com.tradingbacktest.app.support;

import tools.jackson.databind.JsonNode;

/** Reading the served OpenAPI document. */
public final class OpenApi {

  private OpenApi() {}

  /**
   * The {@code $ref} of the JSON schema an operation answers with, e.g. {@code
   * "#/components/schemas/SymbolView"}; empty when there is none.
   *
   * @param paths the document's {@code paths}
   * @param method lower case, as in the document: {@code "get"}
   */
  public static String responseSchemaRef(
      JsonNode paths, String path, String method, String status) {
    return paths
        .path(path)
        .path(method)
        .path("responses")
        .path(status)
        .path("content")
        .path("application/json")
        .path("schema")
        .path("$ref")
        .asString();
  }
}
