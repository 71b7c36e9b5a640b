package com.tradingbacktest.app.common.web;

import static com.tradingbacktest.app.support.OpenApi.responseSchemaRef;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What every response carries, and the endpoints that are not features: health, metrics, docs. */
class WebEdgeIntegrationTests extends IntegrationTest {

  @Test
  void reportsHealthWithTheDatabase() {
    Response health = api.get("/actuator/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asString()).isEqualTo("UP");
    assertThat(health.json().path("components").path("db").path("status").asString())
        .isEqualTo("UP");
  }

  @Test
  void reportsLivenessAndReadinessOnTheAppPort() {
    assertThat(api.get("/actuator/health/liveness").json().path("status").asString())
        .isEqualTo("UP");
    assertThat(api.get("/actuator/health/readiness").json().path("status").asString())
        .isEqualTo("UP");
  }

  @Test
  void exposesPrometheusMetricsWithHttpTimingsOnTheManagementPortOnly() {
    api.get("/actuator/health");

    Response metrics = management().get("/actuator/prometheus");
    Response onAppPort = api.get("/actuator/prometheus");

    assertThat(managementPort).isNotEqualTo(port);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("http_server_requests_seconds_bucket", "hikaricp_connections");
    assertThat(onAppPort.status()).isEqualTo(404);
    assertThat(onAppPort.header("Content-Type")).startsWith("application/problem+json");
    assertThat(management().get("/actuator/health").status()).isEqualTo(200);
  }

  @Test
  void hidesEveryOtherActuatorEndpoint() {
    assertThat(api.get("/actuator/env").status()).isIn(401, 403, 404);
    assertThat(api.get("/actuator/beans").status()).isIn(401, 403, 404);
  }

  @Test
  void servesTheOpenApiDocumentInSnakeCaseWithProblemErrors() {
    Response spec = api.get("/api/v1/openapi.json");

    assertThat(spec.status()).isEqualTo(200);
    JsonNode doc = spec.json();
    assertThat(doc.path("paths").has("/api/v1/auth/login")).isTrue();
    assertThat(doc.path("paths").has("/api/v1/api-keys/{id}")).isTrue();
    assertThat(
            doc.path("components")
                .path("schemas")
                .path("TokenResponse")
                .path("properties")
                .has("access_token"))
        .isTrue();
    JsonNode loginErrors =
        doc.path("paths").path("/api/v1/auth/login").path("post").path("responses");
    assertThat(loginErrors.path("429").path("content").has("application/problem+json")).isTrue();
    assertThat(doc.path("paths").path("/api/v1/auth/me").path("get").path("responses").has("401"))
        .isTrue();
    assertThat(doc.path("components").path("securitySchemes").has("api_key")).isTrue();
    // The Problem schema every error response refers to is defined.
    assertThat(
            doc.path("components")
                .path("schemas")
                .path("Problem")
                .path("properties")
                .has("request_id"))
        .isTrue();
    // Response properties are always present, so required; request fields keep their optionality.
    assertThat(names(doc.path("components").path("schemas").path("TokenResponse").path("required")))
        .contains("access_token", "token_type");
    assertThat(
            names(
                doc.path("components")
                    .path("schemas")
                    .path("BacktestStatusResponse")
                    .path("required")))
        .contains("id", "status", "progress", "error");
    assertThat(
            names(doc.path("components").path("schemas").path("BacktestRequest").path("required")))
        .doesNotContain("parameters", "costs", "fill");
    assertThat(responseSchemaRef(doc.path("paths"), "/api/v1/data/symbols/{symbol}", "get", "200"))
        .endsWith("/SymbolView");
  }

  @Test
  void declaresTheSuccessResponseOfEveryOperation() {
    JsonNode paths = api.get("/api/v1/openapi.json").json().path("paths");
    java.util.List<String> without = new java.util.ArrayList<>();
    paths
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          boolean success =
                              operation
                                  .getValue()
                                  .path("responses")
                                  .propertyStream()
                                  .anyMatch(response -> response.getKey().startsWith("2"));
                          if (!success) {
                            without.add(operation.getKey() + " " + path.getKey());
                          }
                        }));
    // The generated client types a call's data from its 2xx response; without one the data is
    // unknown.
    assertThat(without).isEmpty();
    assertThat(responseSchemaRef(paths, "/api/v1/data/historical", "get", "200"))
        .endsWith("/HistoryPage");
  }

  @Test
  void saysWhichResponsePropertiesMayBeNull() {
    JsonNode schemas = api.get("/api/v1/openapi.json").json().path("components").path("schemas");

    JsonNode parameter = schemas.path("StrategyParameter");
    assertThat(names(parameter.path("required"))).contains("name", "min");
    assertThat(names(parameter.path("properties").path("min").path("type")))
        .containsExactly("number", "null");
    assertThat(parameter.path("properties").path("name").path("type").asString())
        .isEqualTo("string");
    assertThat(
            names(
                schemas.path("ApiKeyResponse").path("properties").path("revoked_at").path("type")))
        .containsExactly("string", "null");
    // A reference: either the referenced schema or null, the referenced schema itself left
    // non-null.
    JsonNode openTrade =
        schemas.path("RunResult").path("properties").path("open_trade").path("anyOf");
    assertThat(openTrade.get(0).path("$ref").asString()).endsWith("/RoundTrip");
    assertThat(openTrade.get(1).path("type").asString()).isEqualTo("null");
    assertThat(schemas.path("RoundTrip").toString()).doesNotContain("\"null\"");
    // Values that may be null: a metric map's values, a heatmap's innermost cells; the map itself
    // may be too.
    JsonNode metrics = schemas.path("RunResult").path("properties").path("metrics");
    assertThat(names(metrics.path("additionalProperties").path("type")))
        .containsExactly("number", "null");
    assertThat(metrics.path("type").asString()).isEqualTo("object");
    JsonNode cells = schemas.path("Heatmap").path("properties").path("scores").path("items");
    assertThat(cells.path("type").asString()).isEqualTo("array");
    assertThat(names(cells.path("items").path("type"))).containsExactly("number", "null");
    JsonNode keyMetrics = schemas.path("BacktestSummary").path("properties").path("key_metrics");
    assertThat(names(keyMetrics.path("type"))).containsExactly("object", "null");
    assertThat(names(keyMetrics.path("additionalProperties").path("type")))
        .containsExactly("number", "null");
    NullableProperties.scan("com.tradingbacktest.app")
        .valuesBySchema()
        .forEach(
            (schema, properties) ->
                properties.forEach(
                    property ->
                        assertThat(
                                schemas.path(schema).path("properties").path(property).toString())
                            .as(schema + "." + property)
                            .contains("\"null\"")));
    // Every property marked in the code reached the document (a renamed schema would lose its
    // marks).
    NullableProperties.scan("com.tradingbacktest.app")
        .bySchema()
        .forEach(
            (schema, properties) ->
                properties.forEach(
                    property -> {
                      JsonNode p = schemas.path(schema).path("properties").path(property);
                      assertThat(p.isMissingNode()).as(schema + "." + property).isFalse();
                      assertThat(p.toString()).as(schema + "." + property).contains("\"null\"");
                    }));
  }

  private static java.util.List<String> names(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  @Test
  void servesSwaggerUiAtDocs() {
    Response docs = api.get("/docs");
    assertThat(docs.status()).isIn(301, 302);

    Response ui = api.get(docs.header("Location").replaceFirst("^https?://[^/]+", ""));

    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui");
  }

  @Test
  void setsSecurityHeaders() {
    Response response = api.get("/actuator/health");

    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.header("Content-Security-Policy"))
        .contains("default-src 'self'", "frame-ancestors 'none'");
    assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    assertThat(response.header("Permissions-Policy")).contains("camera=()");
    assertThat(response.header("Strict-Transport-Security")).isNull(); // only over HTTPS
    Response overHttps = api.get("/actuator/health", "X-Forwarded-Proto", "https");
    assertThat(overHttps.header("Strict-Transport-Security")).contains("max-age=31536000");
  }

  @Test
  void allowsCorsOnlyFromConfiguredOrigins() {
    Response allowed =
        api.request(
            "OPTIONS",
            "/api/v1/auth/login",
            "Origin",
            "http://localhost:3000",
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "content-type,x-csrf-token");
    Response foreign =
        api.request(
            "OPTIONS",
            "/api/v1/auth/login",
            "Origin",
            "https://evil.example",
            "Access-Control-Request-Method",
            "POST");

    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
    assertThat(allowed.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void answersAnUnknownRouteWithAProblem() {
    JsonNode tokens = api.registerUser("route");

    Response response =
        api.get(
            "/api/v1/nothing-here",
            "Authorization",
            com.tradingbacktest.app.support.Api.bearer(tokens));

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }
}
