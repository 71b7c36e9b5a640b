package com.tradingbacktest.app.strategy;

import static com.tradingbacktest.app.strategy.StrategyClient.NO_PARAMS;
import static com.tradingbacktest.app.strategy.StrategyClient.body;
import static com.tradingbacktest.app.strategy.StrategyClient.countOwnedBy;
import static com.tradingbacktest.app.strategy.StrategyClient.signUp;
import static com.tradingbacktest.app.strategy.StrategyClient.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Fields that break the rules are named in a 422 problem, and nothing is stored. */
class StrategyInputValidationIntegrationTests extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  @Test
  void namesEveryMissingField() {
    StrategyClient client = signUp(api, "missing");

    Response response = client.create("{}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.problemType()).isEqualTo("/problems/validation-failed");
    assertThat(response.errorFields()).containsExactlyInAnyOrder("name", "code");
  }

  @Test
  void rejectsOversizedFieldsAndStoresNothing() {
    JsonNode tokens = api.registerUser("oversized");
    StrategyClient client = withToken(api, tokens);
    Map<String, Object> request = body("n".repeat(201), "#".repeat(65_537), false);
    request.put("description", "d".repeat(2001));

    Response response = client.create(request);

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.errorMessages("name")).first().isEqualTo("must be at most 200 characters");
    assertThat(response.errorMessages("description"))
        .first()
        .isEqualTo("must be at most 2000 characters");
    assertThat(response.errorMessages("code"))
        .first()
        .isEqualTo("must be at most 65536 characters");
    assertThat(countOwnedBy(jdbc, tokens)).isZero();
  }

  @Test
  void acceptsFieldsAtTheirLimits() {
    StrategyClient client = signUp(api, "limits");
    String code = NO_PARAMS + "#".repeat(65_536 - NO_PARAMS.length());
    Map<String, Object> request = body("n".repeat(200), code, false);
    request.put("description", "d".repeat(2000));

    Response response = client.create(request);

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().path("code").asString()).hasSize(65_536);
  }

  @Test
  void rejectsABlankNameAndBlankCode() {
    StrategyClient client = signUp(api, "blank");

    Response response = client.create(body("   ", "  \n ", false));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.errorFields()).containsExactlyInAnyOrder("name", "code");
  }

  @Test
  void rejectsControlCharactersInTheName() {
    StrategyClient client = signUp(api, "control");

    Response response = client.create(body("line\nbreak", NO_PARAMS, false));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.errorMessages("name"))
        .first()
        .isEqualTo("may not contain control characters");
  }

  @Test
  void aReplacementIsValidatedLikeACreation() {
    StrategyClient client = signUp(api, "putcheck");
    String id = client.created("valid").path("id").asString();

    Response response = client.put(id, body("", NO_PARAMS, false));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.errorFields()).containsExactly("name");
    assertThat(client.get(id).json().path("name").asString()).isEqualTo("valid");
  }

  @Test
  void rejectsAFieldOfTheWrongType() {
    StrategyClient client = signUp(api, "wrongtype");

    Response response =
        client.create("{\"name\": \"x\", \"code\": \"long_entry = true\", \"is_public\": [1]}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.problemType()).isEqualTo("/problems/malformed-request");
    assertThat(response.errorFields()).containsExactly("is_public");
  }
}
