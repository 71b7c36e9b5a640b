package com.tradingbacktest.app.strategy;

import static com.tradingbacktest.app.strategy.StrategyClient.NO_PARAMS;
import static com.tradingbacktest.app.strategy.StrategyClient.PATH;
import static com.tradingbacktest.app.strategy.StrategyClient.SMA_CROSS;
import static com.tradingbacktest.app.strategy.StrategyClient.body;
import static com.tradingbacktest.app.strategy.StrategyClient.signUp;
import static com.tradingbacktest.app.strategy.StrategyClient.userId;
import static com.tradingbacktest.app.strategy.StrategyClient.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what: public strategies are readable and copyable by everyone, never changed by
 * others; someone else's private strategy is indistinguishable from a missing one.
 */
class StrategyAccessIntegrationTests extends IntegrationTest {

  @Test
  void someoneElsesPrivateStrategyIsNotFoundExactlyLikeAMissingOne() {
    StrategyClient alice = signUp(api, "alice");
    StrategyClient mallory = signUp(api, "mallory");
    String id = alice.created("secret").path("id").asString();

    Response theirs = mallory.get(id);
    Response missing = mallory.get(UUID.randomUUID().toString());

    assertThat(theirs.status()).isEqualTo(404);
    assertThat(theirs.problemType()).isEqualTo("/problems/not-found");
    assertThat(theirs.json().path("detail")).isEqualTo(missing.json().path("detail"));
    assertThat(theirs.body()).doesNotContain("secret", SMA_CROSS.substring(0, 10));
    assertThat(missing.status()).isEqualTo(404);
  }

  @Test
  void someoneElsesPublicStrategyIsReadableButNotTheirs() {
    JsonNode aliceTokens = api.registerUser("pubowner");
    StrategyClient alice = withToken(api, aliceTokens);
    StrategyClient bob = signUp(api, "reader");
    String id = alice.created("shared", SMA_CROSS, true).path("id").asString();

    Response response = bob.get(id);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("code").asString()).isEqualTo(SMA_CROSS);
    assertThat(response.json().path("owner_id").asString()).isEqualTo(userId(aliceTokens));
    assertThat(response.json().path("mine").asBoolean()).isFalse();
    assertThat(response.json().path("is_public").asBoolean()).isTrue();
  }

  @Test
  void nobodyButTheOwnerCanReplaceAStrategyPublicOrNot() {
    StrategyClient alice = signUp(api, "editowner");
    StrategyClient mallory = signUp(api, "editor");
    JsonNode privateOne = alice.created("private one", SMA_CROSS, false);
    JsonNode publicOne = alice.created("public one", SMA_CROSS, true);

    Response onPrivate =
        mallory.put(privateOne.path("id").asString(), body("hijacked", NO_PARAMS, false));
    Response onPublic =
        mallory.put(publicOne.path("id").asString(), body("hijacked", NO_PARAMS, true));

    assertThat(onPrivate.status()).isEqualTo(404);
    assertThat(onPrivate.problemType()).isEqualTo("/problems/not-found");
    assertThat(onPublic.status()).isEqualTo(404);
    assertThat(alice.get(privateOne.path("id").asString()).json()).isEqualTo(privateOne);
    assertThat(alice.get(publicOne.path("id").asString()).json()).isEqualTo(publicOne);
  }

  @Test
  void nobodyButTheOwnerCanDeleteAStrategy() {
    StrategyClient alice = signUp(api, "delowner");
    StrategyClient mallory = signUp(api, "deleter");
    String privateId = alice.created("private one", SMA_CROSS, false).path("id").asString();
    String publicId = alice.created("public one", SMA_CROSS, true).path("id").asString();

    assertThat(mallory.delete(privateId).status()).isEqualTo(404);
    assertThat(mallory.delete(publicId).status()).isEqualTo(404);

    assertThat(alice.get(privateId).status()).isEqualTo(200);
    assertThat(alice.get(publicId).status()).isEqualTo(200);
  }

  @Test
  void copiesAPublicStrategyIntoAPrivateOneOfTheCopier() {
    StrategyClient alice = signUp(api, "original");
    JsonNode bobTokens = api.registerUser("copier");
    StrategyClient bob = withToken(api, bobTokens);
    Map<String, Object> request = body("Golden cross", SMA_CROSS, true);
    request.put("description", "50/200");
    JsonNode original = alice.create(request).json();

    Response response = bob.copy(original.path("id").asString());

    assertThat(response.status()).isEqualTo(201);
    JsonNode copy = response.json();
    assertThat(response.header("Location")).isEqualTo(PATH + "/" + copy.path("id").asString());
    assertThat(copy.path("id").asString()).isNotEqualTo(original.path("id").asString());
    assertThat(copy.path("name").asString()).isEqualTo("Golden cross (copy)");
    assertThat(copy.path("description").asString()).isEqualTo("50/200");
    assertThat(copy.path("code").asString()).isEqualTo(SMA_CROSS);
    assertThat(copy.path("parameters")).isEqualTo(original.path("parameters"));
    assertThat(copy.path("owner_id").asString()).isEqualTo(userId(bobTokens));
    assertThat(copy.path("mine").asBoolean()).isTrue();
    assertThat(copy.path("is_public").asBoolean()).isFalse();

    String copyId = copy.path("id").asString();
    assertThat(bob.put(copyId, body("my variant", NO_PARAMS, false)).status()).isEqualTo(200);
    assertThat(alice.get(copyId).status()).isEqualTo(404);
    assertThat(alice.get(original.path("id").asString()).json()).isEqualTo(original);
  }

  @Test
  void copiesItsOwnPrivateStrategy() {
    StrategyClient alice = signUp(api, "selfcopy");
    String id = alice.created("draft").path("id").asString();

    Response response = alice.copy(id);

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().path("name").asString()).isEqualTo("draft (copy)");
    assertThat(alice.list("").json().path("total_items").asInt()).isEqualTo(2);
  }

  @Test
  void cannotCopySomeoneElsesPrivateStrategy() {
    StrategyClient alice = signUp(api, "nocopy");
    StrategyClient mallory = signUp(api, "thief");
    String id = alice.created("secret").path("id").asString();

    Response response = mallory.copy(id);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.problemType()).isEqualTo("/problems/not-found");
    assertThat(mallory.list("").json().path("total_items").asInt()).isZero();
  }

  @Test
  void aCopyOfALongNameStaysWithinTheNameLimit() {
    StrategyClient alice = signUp(api, "longname");
    String id = alice.created("n".repeat(200)).path("id").asString();

    JsonNode copy = alice.copy(id).json();

    assertThat(copy.path("name").asString()).hasSize(200).endsWith("n (copy)");
  }

  @Test
  void aMalformedIdIsNotFound() {
    StrategyClient alice = signUp(api, "badid");

    Response get = alice.get("not-a-uuid");
    Response put = alice.put("not-a-uuid", body("x", NO_PARAMS, false));
    Response delete = alice.delete("not-a-uuid");
    Response copy = alice.copy("not-a-uuid");

    for (Response response : new Response[] {get, put, delete, copy}) {
      assertThat(response.status()).as(response.toString()).isEqualTo(404);
      assertThat(response.problemType()).isEqualTo("/problems/not-found");
    }
  }

  @Test
  void everyEndpointRequiresAuthentication() {
    String id = UUID.randomUUID().toString();
    Map<String, Object> request = body("anonymous", NO_PARAMS, false);

    Response[] responses = {
      api.get(PATH),
      api.post(PATH, request),
      api.get(PATH + "/" + id),
      api.delete(PATH + "/" + id),
      api.post(PATH + "/" + id + "/copy", ""),
      new StrategyClient(api).put(id, request),
      api.post(PATH + "/validate", Map.of("code", NO_PARAMS)),
      api.get(PATH + "/templates"),
      api.get(PATH + "/language")
    };

    for (Response response : responses) {
      assertThat(response.status()).as(response.toString()).isEqualTo(401);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
  }

  @Test
  void anApiKeyReadsAndWritesAsItsOwner() {
    JsonNode owner = api.registerUser("apikey");
    String key = api.createApiKey(owner, "notebook");
    StrategyClient viaKey = new StrategyClient(api, "X-API-Key", key);
    StrategyClient viaSession = withToken(api, owner);

    Response created = viaKey.create(body("from a script", SMA_CROSS, false));
    String id = created.json().path("id").asString();

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("owner_id").asString()).isEqualTo(userId(owner));
    assertThat(viaKey.put(id, body("renamed by script", SMA_CROSS, false)).status()).isEqualTo(200);
    assertThat(viaKey.list("").json().path("items").get(0).path("name").asString())
        .isEqualTo("renamed by script");
    assertThat(viaSession.get(id).json().path("name").asString()).isEqualTo("renamed by script");
    assertThat(viaKey.validate(NO_PARAMS).json().path("valid").asBoolean()).isTrue();
    assertThat(viaKey.delete(id).status()).isEqualTo(204);
    assertThat(viaSession.get(id).status()).isEqualTo(404);
  }
}
