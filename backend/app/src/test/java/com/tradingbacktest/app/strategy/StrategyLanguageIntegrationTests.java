package com.tradingbacktest.app.strategy;

import static com.tradingbacktest.app.strategy.StrategyClient.BROKEN;
import static com.tradingbacktest.app.strategy.StrategyClient.PATH;
import static com.tradingbacktest.app.strategy.StrategyClient.SMA_CROSS;
import static com.tradingbacktest.app.strategy.StrategyClient.countOwnedBy;
import static com.tradingbacktest.app.strategy.StrategyClient.signUp;
import static com.tradingbacktest.app.strategy.StrategyClient.withToken;
import static com.tradingbacktest.app.support.OpenApi.responseSchemaRef;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The editor's helpers: validation without saving, templates and the language catalogue. */
class StrategyLanguageIntegrationTests extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  private StrategyClient signedIn() {
    return signUp(api, "lang");
  }

  @Test
  void validatesWorkingCodeWithItsParametersAndOutputs() {
    StrategyClient client = signedIn();

    Response response = client.validate(SMA_CROSS);

    assertThat(response.status()).isEqualTo(200);
    JsonNode result = response.json();
    assertThat(result.path("valid").asBoolean()).isTrue();
    assertThat(result.path("errors")).isEmpty();
    assertThat(result.path("parameters")).hasSize(2);
    assertThat(result.path("parameters").get(1).path("name").asString()).isEqualTo("slow");
    assertThat(result.path("parameters").get(1).path("default").asDouble()).isEqualTo(30);
    assertThat(result.path("parameters").get(1).path("step").asDouble()).isEqualTo(5);
    assertThat(strings(result.path("outputs"))).containsExactly("long_entry", "long_exit");
  }

  @Test
  void reportsEveryErrorOfBrokenCodeAtOnceWithItsPlace() {
    StrategyClient client = signedIn();
    String code =
        "hello world\nlong_entry = close > sma(close, 20)\nlong_exit = (close > \ny = 1 +";

    Response response = client.validate(code);

    assertThat(response.status()).isEqualTo(200);
    JsonNode result = response.json();
    assertThat(result.path("valid").asBoolean()).isFalse();
    assertThat(result.path("parameters")).isEmpty();
    assertThat(result.path("outputs")).isEmpty();
    JsonNode errors = result.path("errors");
    assertThat(errors.size()).isGreaterThanOrEqualTo(2);
    assertThat(errors.get(0).path("line").asInt()).isEqualTo(1);
    assertThat(errors.get(0).path("column").asInt()).isEqualTo(7);
    assertThat(errors.get(0).path("message").asString()).contains("expected '='");
    for (JsonNode error : errors) {
      assertThat(error.path("line").asInt()).isPositive();
      assertThat(error.path("column").asInt()).isPositive();
      assertThat(error.path("length").asInt()).isPositive();
      assertThat(error.path("message").asString()).isNotBlank();
    }
    assertThat(errors.get(errors.size() - 1).path("line").asInt()).isGreaterThan(1);

    JsonNode twoErrors = client.validate(BROKEN).json().path("errors");
    assertThat(twoErrors).hasSize(2);
    assertThat(twoErrors.get(0).path("column").asInt()).isEqualTo(5);
    assertThat(twoErrors.get(1).path("line").asInt()).isEqualTo(2);
  }

  @Test
  void reportsEmptyAndOverlongCodeAsInvalid() {
    StrategyClient client = signedIn();

    JsonNode empty = client.validate("  \n").json();
    JsonNode overlong = client.validate("#".repeat(70_000)).json();

    assertThat(empty.path("valid").asBoolean()).isFalse();
    assertThat(empty.path("errors").get(0).path("message").asString()).contains("empty");
    assertThat(overlong.path("valid").asBoolean()).isFalse();
    assertThat(overlong.path("errors").get(0).path("message").asString()).contains("limit");
  }

  @Test
  void validatingStoresNothing() {
    JsonNode tokens = api.registerUser("nostore");
    StrategyClient client = withToken(api, tokens);

    client.validate(SMA_CROSS);

    assertThat(countOwnedBy(jdbc, tokens)).isZero();
  }

  @Test
  void validationNeedsTheCode() {
    StrategyClient client = signedIn();

    Response response = api.post(PATH + "/validate", Map.of(), authOf(client));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.problemType()).isEqualTo("/problems/validation-failed");
    assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("code");
  }

  @Test
  void servesEighteenTemplatesThatAllCompile() {
    StrategyClient client = signedIn();

    Response response = client.get(PATH + "/templates");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Cache-Control")).contains("public", "max-age=3600");
    JsonNode templates = response.json();
    assertThat(templates).hasSize(18);
    List<String> ids = new ArrayList<>();
    for (JsonNode template : templates) {
      ids.add(template.path("id").asString());
      assertThat(template.path("name").asString()).isNotBlank();
      assertThat(template.path("name_ko").asString()).isNotBlank();
      assertThat(template.path("description").asString()).isNotBlank();
      assertThat(template.path("description_ko").asString()).isNotBlank();
      JsonNode validation = client.validate(template.path("code").asString()).json();
      assertThat(validation.path("valid").asBoolean()).as(template.path("id").asString()).isTrue();
      assertThat(template.path("parameters")).isEqualTo(validation.path("parameters"));
    }
    assertThat(ids)
        .contains("buy_and_hold", "sma_crossover", "rsi_mean_reversion", "dual_momentum");
    JsonNode sma = templates.get(ids.indexOf("sma_crossover"));
    assertThat(strings(sma.path("parameters"), "name")).containsExactly("fast", "slow");
  }

  @Test
  void aTemplateCanBeSavedAsAStrategy() {
    StrategyClient client = signedIn();
    JsonNode template = client.get(PATH + "/templates").json().get(1);

    Response created =
        client.create(
            StrategyClient.body(
                template.path("name").asString(), template.path("code").asString(), false));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("parameters")).isEqualTo(template.path("parameters"));
  }

  /** The editor's completion and hover read Korean from here: no function or series without it. */
  @Test
  void everyFunctionAndSeriesIsDescribedInKorean() {
    JsonNode catalogue = signedIn().get(PATH + "/language").json();
    java.util.List<String> missing = new java.util.ArrayList<>();
    for (String list : java.util.List.of("functions", "variables")) {
      catalogue
          .path(list)
          .forEach(
              entry -> {
                if (entry
                    .path("description_ko")
                    .asString()
                    .codePoints()
                    .noneMatch(c -> c >= 0xAC00 && c <= 0xD7A3)) {
                  missing.add(list + ": " + entry.path("name").asString());
                }
              });
    }
    assertThat(catalogue.path("functions").size()).isGreaterThan(20);
    assertThat(missing).isEmpty();
  }

  @Test
  void servesTheLanguageCatalogueForTheEditor() {
    StrategyClient client = signedIn();

    Response response = client.get(PATH + "/language");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Cache-Control")).contains("public", "max-age=3600");
    JsonNode catalogue = response.json();
    JsonNode sma = find(catalogue.path("functions"), "sma");
    assertThat(sma.path("signature").asString()).isEqualTo("sma(source, length)");
    assertThat(sma.path("category").asString()).isNotBlank();
    assertThat(sma.path("description").asString()).isNotBlank();
    assertThat(sma.path("description_ko").asString()).isNotBlank();
    assertThat(sma.path("example").asString()).contains("sma(");
    assertThat(strings(sma.path("params"), "name")).containsExactly("source", "length");
    assertThat(sma.path("params").get(1).path("kind").asString()).isEqualTo("length");
    assertThat(sma.path("params").get(1).has("default_value")).isTrue();
    assertThat(strings(catalogue.path("outputs"), "name"))
        .contains("long_entry", "long_exit", "stop_loss");
    assertThat(find(catalogue.path("outputs"), "long_entry").path("type").asString())
        .isEqualTo("bool");
    assertThat(strings(catalogue.path("variables"), "name"))
        .contains("close", "volume", "dayofweek");
    assertThat(strings(catalogue.path("keywords"))).contains("param", "and", "na");
    assertThat(catalogue.path("limits").path("max_source_chars").asInt()).isEqualTo(65_536);
  }

  @Test
  void countsTheFrontPageFiguresFromTheCatalogueWithoutSignIn() {
    JsonNode catalogue = signedIn().get(PATH + "/language").json();
    JsonNode templates = signedIn().get(PATH + "/templates").json();

    Response response = api.get("/api/v1/catalogue/summary");

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode summary = response.json();
    int indicators = 0;
    for (JsonNode function : catalogue.path("functions")) {
      if (CatalogueSummary.INDICATOR_CATEGORIES.contains(function.path("category").asString())) {
        indicators++;
      }
    }
    assertThat(summary.path("indicators").asInt()).isEqualTo(indicators).isPositive();
    assertThat(summary.path("functions").asInt()).isEqualTo(catalogue.path("functions").size());
    assertThat(summary.path("templates").asInt()).isEqualTo(templates.size());
    assertThat(summary.path("intervals").asInt())
        .isEqualTo(com.tradingbacktest.engine.series.Interval.values().length);
  }

  @Test
  void describesTheStrategyEndpointsInTheOpenApiDocument() {
    JsonNode doc = api.get("/api/v1/openapi.json").json();

    JsonNode paths = doc.path("paths");
    assertThat(paths.has("/api/v1/strategies")).isTrue();
    assertThat(paths.path("/api/v1/strategies/{id}").has("put")).isTrue();
    assertThat(paths.has("/api/v1/strategies/{id}/copy")).isTrue();
    assertThat(paths.has("/api/v1/strategies/validate")).isTrue();
    assertThat(paths.has("/api/v1/strategies/language")).isTrue();
    assertThat(
            paths
                .path("/api/v1/strategies")
                .path("post")
                .path("responses")
                .path("422")
                .path("content")
                .has("application/problem+json"))
        .isTrue();
    assertThat(paths.path("/api/v1/strategies/{id}").path("get").path("responses").has("404"))
        .isTrue();
    JsonNode schemas = doc.path("components").path("schemas");
    assertThat(schemas.path("StrategyRequest").path("properties").has("is_public")).isTrue();
    assertThat(schemas.path("StrategyParameter").path("properties").has("default")).isTrue();
    assertThat(schemas.path("StrategySummary").path("properties").has("code")).isFalse();
    assertThat(schemas.path("StrategySummary").path("properties").has("owner_id")).isTrue();
    String listSchema = responseSchemaRef(paths, "/api/v1/strategies", "get", "200");
    JsonNode page = schemas.path(listSchema.substring(listSchema.lastIndexOf('/') + 1));
    assertThat(page.path("properties").has("total_items")).isTrue();
    assertThat(page.path("properties").has("total_pages")).isTrue();
  }

  private String[] authOf(StrategyClient client) {
    return client.auth();
  }

  private static JsonNode find(JsonNode list, String name) {
    for (JsonNode node : list) {
      if (node.path("name").asString().equals(name)) {
        return node;
      }
    }
    throw new AssertionError(name + " not found in " + list);
  }

  private static List<String> strings(JsonNode list) {
    List<String> values = new ArrayList<>();
    list.forEach(node -> values.add(node.asString()));
    return values;
  }

  private static List<String> strings(JsonNode list, String field) {
    List<String> values = new ArrayList<>();
    list.forEach(node -> values.add(node.path(field).asString()));
    return values;
  }
}
