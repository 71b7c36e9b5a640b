package com.tradingbacktest.app.common.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.tradingbacktest.app.common.ratelimit.RateLimited;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI description (served at /api/v1/openapi.json, browsable at /docs), from which
 * the frontend generates its typed client. It must match the wire exactly: snake_case names, and
 * every error response as the {@code Problem} schema in {@code application/problem+json}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String BEARER = "bearer";
  static final String API_KEY = "api_key";
  static final String PROBLEM = "Problem";
  static final String PROBLEM_JSON = "application/problem+json";

  @Bean
  OpenAPI tradingBacktestOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Trading Backtest API")
                .version("v1")
                .description(
                    """
                Write strategies, backtest them on historical KRX, US and crypto data, and study the results.
                Errors are RFC 9457 problem documents (`application/problem+json`) with a stable `type`.
                Authenticate with `Authorization: Bearer <access_token>` from `/api/v1/auth/login`, \
                or with a personal key in `X-API-Key`."""))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT"))
                .addSecuritySchemes(
                    API_KEY,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-API-Key"))
                .addSchemas(PROBLEM, problemSchema()))
        .addSecurityItem(new SecurityRequirement().addList(BEARER))
        .addSecurityItem(new SecurityRequirement().addList(API_KEY));
  }

  /**
   * Swagger reads types through its own (Jackson 2) mapper; tell it the API's naming so the schema
   * says {@code access_token}, as the JSON does.
   */
  @Bean
  ModelResolver snakeCaseModelResolver() {
    return new ModelResolver(
        Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
  }

  /** Every 4xx/5xx is a problem document; secured operations may answer 401; any may answer 500. */
  @Bean
  OpenApiCustomizer problemResponses() {
    return openApi -> {
      // Declared here as well as on the bean: springdoc rebuilds the components from the scanned
      // types.
      openApi.getComponents().addSchemas(PROBLEM, problemSchema());
      openApi
          .getPaths()
          .values()
          .forEach(
              path -> path.readOperations().forEach(operation -> addProblems(openApi, operation)));
    };
  }

  /**
   * Responses always carry every property of their records (null when empty, never left out), so
   * their schemas list every property as required: the generated client types then say "always
   * there". Schemas used in request bodies keep their optional fields optional.
   */
  /**
   * Operations with a per-account budget ({@link RateLimited}) may answer 429; an operation that
   * already describes its own 429 (the run limit) gets the budget added to the description.
   */
  @Bean
  OperationCustomizer rateLimitedResponses() {
    return (operation, handler) -> {
      RateLimited limited = handler.getMethodAnnotation(RateLimited.class);
      if (limited == null) {
        return operation;
      }
      String budget =
          "Too many "
              + limited.value().description()
              + " from your account this minute (`/problems/rate-limited`); Retry-After says when"
              + " to try again";
      ApiResponses responses =
          operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
      operation.setResponses(responses);
      ApiResponse existing = responses.get("429");
      if (existing == null) {
        responses.addApiResponse("429", new ApiResponse().description(budget));
      } else if (!existing.getDescription().contains("rate-limited")) {
        existing.setDescription(existing.getDescription() + "; or " + budget);
      }
      return operation;
    };
  }

  @Bean
  OpenApiCustomizer responsePropertiesAreRequired() {
    return openApi -> {
      Map<String, Schema> schemas = openApi.getComponents().getSchemas();
      if (schemas == null) {
        return;
      }
      Set<String> requestSchemas = new HashSet<>();
      openApi
          .getPaths()
          .values()
          .forEach(
              path ->
                  path.readOperations()
                      .forEach(
                          operation -> {
                            if (operation.getRequestBody() != null
                                && operation.getRequestBody().getContent() != null) {
                              operation
                                  .getRequestBody()
                                  .getContent()
                                  .values()
                                  .forEach(
                                      media ->
                                          collectRefs(media.getSchema(), schemas, requestSchemas));
                            }
                          }));
      schemas.forEach(
          (name, schema) -> {
            if (!requestSchemas.contains(name)
                && !PROBLEM.equals(name)
                && schema.getProperties() != null) {
              schema.setRequired(new ArrayList<String>(schema.getProperties().keySet()));
            }
          });
    };
  }

  /**
   * Properties that may be null say so (see {@link NullableProperties}): with every response
   * property required, the generated client then types them as always present, possibly null.
   */
  @Bean
  OpenApiCustomizer nullableProperties() {
    // Scanned when the document is built (on its first request), not at every start of every
    // process.
    return openApi -> NullableProperties.scan("com.tradingbacktest.app").apply(openApi);
  }

  @SuppressWarnings("rawtypes")
  private static void collectRefs(Schema schema, Map<String, Schema> schemas, Set<String> found) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      if (found.add(name) && schemas.containsKey(name)) {
        collectRefs(schemas.get(name), schemas, found);
      }
      return;
    }
    if (schema.getProperties() != null) {
      ((Map<String, Schema>) schema.getProperties())
          .values()
          .forEach(p -> collectRefs(p, schemas, found));
    }
    collectRefs(schema.getItems(), schemas, found);
    if (schema.getAdditionalProperties() instanceof Schema additional) {
      collectRefs(additional, schemas, found);
    }
  }

  private static void addProblems(OpenAPI openApi, Operation operation) {
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    operation.setResponses(responses);
    if (isSecured(openApi, operation) && !responses.containsKey("401")) {
      responses.addApiResponse(
          "401", new ApiResponse().description("No valid access token or API key"));
    }
    if (operation.getRequestBody() != null) {
      responses.putIfAbsent(
          "400", new ApiResponse().description("Malformed JSON or a field of the wrong type"));
      responses.putIfAbsent("413", new ApiResponse().description("Request body too large"));
    }
    responses.putIfAbsent(
        "500", new ApiResponse().description("Unexpected error (quote the request_id)"));
    responses.forEach(
        (code, response) -> {
          if (code.startsWith("4") || code.startsWith("5")) {
            response.setContent(
                new Content()
                    .addMediaType(
                        PROBLEM_JSON,
                        new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
          }
        });
  }

  private static boolean isSecured(OpenAPI openApi, Operation operation) {
    return operation.getSecurity() == null
        ? !openApi.getSecurity().isEmpty()
        : !operation.getSecurity().isEmpty();
  }

  @SuppressWarnings("rawtypes")
  private static Schema problemSchema() {
    Schema fieldError =
        new ObjectSchema()
            .addProperty(
                "field",
                new StringSchema()
                    .description("snake_case name of the field; null for the whole request"))
            .addProperty("message", new StringSchema());
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty(
            "type",
            new StringSchema()
                .example("/problems/validation-failed")
                .description("Stable identifier of the kind of problem"))
        .addProperty("title", new StringSchema().example("Validation failed"))
        .addProperty("status", new IntegerSchema().example(422))
        .addProperty("detail", new StringSchema().description("What went wrong, for a human"))
        .addProperty("instance", new StringSchema().description("The request path"))
        .addProperty(
            "request_id",
            new StringSchema().description("Also in the X-Request-Id header and the logs"))
        .addProperty(
            "errors", new ArraySchema().items(fieldError).description("Per-field errors, when any"))
        .addProperty(
            "retry_after_seconds", new IntegerSchema().description("With 429: when to retry"))
        .addRequiredItem("type")
        .addRequiredItem("title")
        .addRequiredItem("status");
  }
}
