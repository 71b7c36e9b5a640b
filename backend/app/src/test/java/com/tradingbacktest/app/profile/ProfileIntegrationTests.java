package com.tradingbacktest.app.profile;

import static com.tradingbacktest.app.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ProfileIntegrationTests extends IntegrationTest {

  private static final String PROFILE = "/api/v1/me/profile";

  @Autowired JdbcClient jdbc;

  @Test
  void aNewUserHasTheDefaultsAndTheirUsernameAsName() {
    JsonNode user = api.registerUser("fresh");

    Response profile = api.get(PROFILE, "Authorization", bearer(user));

    assertThat(profile.status()).isEqualTo(200);
    JsonNode body = profile.json();
    assertThat(body.path("display_name").isNull()).isTrue();
    assertThat(body.path("name").asString()).isEqualTo(username(user));
    assertThat(body.path("language").isNull()).isTrue();
    assertThat(body.path("colour_convention").asString()).isEqualTo("auto");
    assertThat(body.path("default_costs").isNull()).isTrue();
    assertThat(body.path("updated_at").isNull()).isTrue();
  }

  @Test
  void savesEveryFieldAndTheDefaultCostsRoundTrip() {
    JsonNode user = api.registerUser("saver");
    Map<String, Object> costs = new HashMap<>();
    costs.put("preset", "krx");
    costs.put("commission_rate", 0.00015);
    costs.put("commission_fixed", 0);
    costs.put("commission_minimum", 100);
    costs.put("sell_tax_rate", 0.0018);
    costs.put("slippage_rate", 0.0005);
    costs.put("slippage_ticks", 1);

    Response saved =
        api.put(
            PROFILE,
            Map.of(
                "display_name",
                "  김트레이더  ",
                "language",
                "ko",
                "colour_convention",
                "red-up",
                "default_costs",
                costs),
            "Authorization",
            bearer(user));

    assertThat(saved.status()).isEqualTo(200);
    JsonNode body = api.get(PROFILE, "Authorization", bearer(user)).json();
    assertThat(body.path("display_name").asString()).isEqualTo("김트레이더");
    assertThat(body.path("name").asString()).isEqualTo("김트레이더");
    assertThat(body.path("language").asString()).isEqualTo("ko");
    assertThat(body.path("colour_convention").asString()).isEqualTo("red-up");
    assertThat(body.path("updated_at").isNull()).isFalse();
    JsonNode stored = body.path("default_costs");
    assertThat(stored.path("preset").asString()).isEqualTo("krx");
    assertThat(stored.path("commission_rate").asDouble()).isEqualTo(0.00015);
    assertThat(stored.path("commission_fixed").asDouble()).isEqualTo(0);
    assertThat(stored.path("commission_minimum").asDouble()).isEqualTo(100);
    assertThat(stored.path("sell_tax_rate").asDouble()).isEqualTo(0.0018);
    assertThat(stored.path("slippage_rate").asDouble()).isEqualTo(0.0005);
    assertThat(stored.path("slippage_ticks").asDouble()).isEqualTo(1);
    assertThat(saved.json()).isEqualTo(body);
  }

  @Test
  void aSaveReplacesTheWholeProfileAndAnEmptyNameFallsBackToTheUsername() {
    JsonNode user = api.registerUser("replace");
    api.put(
        PROFILE,
        Map.of(
            "display_name",
            "Trader",
            "language",
            "en",
            "default_costs",
            Map.of("preset", "us", "slippage_rate", 0.001)),
        "Authorization",
        bearer(user));

    Response cleared =
        api.put(PROFILE, Map.of("display_name", "   "), "Authorization", bearer(user));

    assertThat(cleared.status()).isEqualTo(200);
    JsonNode body = api.get(PROFILE, "Authorization", bearer(user)).json();
    assertThat(body.path("display_name").isNull()).isTrue();
    assertThat(body.path("name").asString()).isEqualTo(username(user));
    assertThat(body.path("language").isNull()).isTrue();
    assertThat(body.path("colour_convention").asString()).isEqualTo("auto");
    assertThat(body.path("default_costs").isNull()).isTrue();
  }

  @Test
  void theDisplayNameIsBoundedAfterTrimmingNotBefore() {
    JsonNode user = api.registerUser("bounds");
    String longest = "가".repeat(ProfileService.MAX_DISPLAY_NAME);

    Response atTheBound =
        api.put(PROFILE, Map.of("display_name", longest), "Authorization", bearer(user));
    Response beyond =
        api.put(PROFILE, Map.of("display_name", longest + "가"), "Authorization", bearer(user));

    assertThat(atTheBound.status()).isEqualTo(200);
    assertThat(atTheBound.json().path("display_name").asString()).isEqualTo(longest);
    assertThat(beyond.status()).isEqualTo(422);
    assertThat(beyond.errorFields()).containsExactly("display_name");
    assertThat(beyond.errorMessages("display_name"))
        .containsExactly("must be at most 60 characters");
  }

  @Test
  void rejectsAnUnknownLanguageAndConventionTogether() {
    JsonNode user = api.registerUser("enums");

    Response response =
        api.put(
            PROFILE,
            Map.of("language", "fr", "colour_convention", "purple-up"),
            "Authorization",
            bearer(user));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.problemType()).isEqualTo("/problems/validation-failed");
    assertThat(response.errorFields()).containsExactlyInAnyOrder("language", "colour_convention");
  }

  @Test
  void defaultCostsFollowTheRulesOfARunsCosts() {
    JsonNode user = api.registerUser("costs");
    Map<String, Object> costs = new HashMap<>();
    costs.put("preset", "nasdaq");
    costs.put("commission_rate", 1.5);
    costs.put("commission_minimum", 2e15);
    costs.put("sell_tax_rate", -0.001);
    costs.put("slippage_ticks", 10_001);

    Response response =
        api.put(PROFILE, Map.of("default_costs", costs), "Authorization", bearer(user));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.errorFields())
        .containsExactlyInAnyOrder(
            "default_costs.preset",
            "default_costs.commission_rate",
            "default_costs.commission_minimum",
            "default_costs.sell_tax_rate",
            "default_costs.slippage_ticks");
    assertThat(api.get(PROFILE, "Authorization", bearer(user)).json().path("updated_at").isNull())
        .isTrue();
  }

  @Test
  void acceptsCostsAtTheirBounds() {
    JsonNode user = api.registerUser("edges");
    Map<String, Object> costs = new HashMap<>();
    costs.put("commission_minimum", 1e15);
    costs.put("slippage_ticks", 10_000);
    costs.put("commission_rate", 0.999);

    Response response =
        api.put(PROFILE, Map.of("default_costs", costs), "Authorization", bearer(user));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("default_costs").path("preset").isNull()).isTrue();
    assertThat(response.json().path("default_costs").path("slippage_ticks").asDouble())
        .isEqualTo(10_000);
  }

  @Test
  void savingOnesProfileLeavesAnotherUsersUntouched() {
    JsonNode alice = api.registerUser("alice");
    JsonNode bob = api.registerUser("bob");
    api.put(
        PROFILE,
        Map.of("display_name", "Bob", "colour_convention", "green-up"),
        "Authorization",
        bearer(bob));

    api.put(
        PROFILE,
        Map.of("display_name", "Alice", "colour_convention", "red-up"),
        "Authorization",
        bearer(alice));

    JsonNode bobs = api.get(PROFILE, "Authorization", bearer(bob)).json();
    assertThat(bobs.path("display_name").asString()).isEqualTo("Bob");
    assertThat(bobs.path("colour_convention").asString()).isEqualTo("green-up");
    assertThat(api.get(PROFILE, "Authorization", bearer(alice)).json().path("name").asString())
        .isEqualTo("Alice");
  }

  @Test
  void anApiKeyReadsItsOwnersProfileAndAnonymousCallersNone() {
    JsonNode user = api.registerUser("keyed");
    api.put(PROFILE, Map.of("display_name", "Scripted"), "Authorization", bearer(user));
    String key = api.createApiKey(user, "notebook");

    assertThat(api.get(PROFILE, "X-API-Key", key).json().path("name").asString())
        .isEqualTo("Scripted");
    assertThat(api.get(PROFILE).status()).isEqualTo(401);
  }

  @Test
  void theTableRefusesALanguageOrConventionTheApiDoesNotKnow() {
    JsonNode user = api.registerUser("schema");
    String id = user.path("user").path("id").asString();

    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "insert into user_profiles (user_id, language, updated_at)"
                            + " values (?::uuid, 'fr', now())")
                    .param(id)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "insert into user_profiles (user_id, colour_convention, updated_at)"
                            + " values (?::uuid, 'blue-up', now())")
                    .param(id)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  private static String username(JsonNode tokens) {
    return tokens.path("user").path("username").asString();
  }
}
