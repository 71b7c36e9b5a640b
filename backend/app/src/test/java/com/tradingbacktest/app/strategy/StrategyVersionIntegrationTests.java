package com.tradingbacktest.app.strategy;

import static com.tradingbacktest.app.strategy.StrategyClient.BROKEN;
import static com.tradingbacktest.app.strategy.StrategyClient.NO_PARAMS;
import static com.tradingbacktest.app.strategy.StrategyClient.PATH;
import static com.tradingbacktest.app.strategy.StrategyClient.SMA_CROSS;
import static com.tradingbacktest.app.strategy.StrategyClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Versions made by explicit saves, restores that add rather than rewrite, the cap, drafts. */
class StrategyVersionIntegrationTests extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  private static Map<String, Object> save(String code, String note) {
    Map<String, Object> body = body("Versioned", code, null);
    if (note != null) {
      body.put("note", note);
    }
    return body;
  }

  private static Map<String, Object> draft(String code) {
    Map<String, Object> body = body("Versioned", code, null);
    body.put("allow_draft", true);
    return body;
  }

  @Test
  void createsVersionOneAndANewVersionOnlyWhenTheCodeChanges() {
    StrategyClient owner = StrategyClient.signUp(api, "versions");
    JsonNode created = owner.created("Versioned", SMA_CROSS, false);
    String id = created.path("id").asString();
    assertThat(created.path("version").asInt()).isEqualTo(1);

    // The same code again (a rename only) makes no version.
    Response same = owner.put(id, save(SMA_CROSS, "nothing changed"));
    assertThat(same.status()).isEqualTo(200);
    assertThat(same.json().path("version").asInt()).isEqualTo(1);

    Response changed = owner.put(id, save(NO_PARAMS, "no parameters"));
    assertThat(changed.json().path("version").asInt()).isEqualTo(2);

    JsonNode page = owner.get(id + "/versions").json();
    assertThat(page.path("total_items").asLong()).isEqualTo(2);
    JsonNode newest = page.path("items").get(0);
    assertThat(newest.path("number").asInt()).isEqualTo(2);
    assertThat(newest.path("note").asString()).isEqualTo("no parameters");
    assertThat(newest.path("current").asBoolean()).isTrue();
    assertThat(newest.path("code").isNull()).isTrue();
    assertThat(newest.path("parameters")).isEmpty();
    JsonNode oldest = page.path("items").get(1);
    assertThat(oldest.path("number").asInt()).isEqualTo(1);
    assertThat(oldest.path("current").asBoolean()).isFalse();
    assertThat(oldest.path("parameters")).hasSize(2);

    JsonNode first = owner.get(id + "/versions/1").json();
    assertThat(first.path("code").asString()).isEqualTo(SMA_CROSS);
    assertThat(first.path("name").asString()).isEqualTo("Versioned");
    assertThat(owner.get(id + "/versions/3").status()).isEqualTo(404);
  }

  @Test
  void pagesVersionsNewestFirstWithinBounds() {
    StrategyClient owner = StrategyClient.signUp(api, "vpages");
    String id = owner.created("Versioned", SMA_CROSS, false).path("id").asString();
    for (int i = 0; i < 3; i++) {
      owner.put(id, save(SMA_CROSS + "\n// edit " + i + "\n", null));
    }

    JsonNode page = owner.get(id + "/versions?page=1&size=2").json();
    assertThat(page.path("items")).extracting(v -> v.path("number").asInt()).containsExactly(2, 1);
    assertThat(page.path("total_items").asLong()).isEqualTo(4);
    assertThat(owner.get(id + "/versions?size=101").status()).isEqualTo(422);
    assertThat(owner.get(id + "/versions?page=-1").status()).isEqualTo(422);
  }

  @Test
  void restoreMakesANewVersionEqualToTheOldOneAndKeepsHistory() {
    StrategyClient owner = StrategyClient.signUp(api, "restore");
    String id = owner.created("Versioned", SMA_CROSS, false).path("id").asString();
    owner.put(id, save(NO_PARAMS, null));

    Response restored = api.post(PATH + "/" + id + "/versions/1/restore", "", owner.auth());

    assertThat(restored.status()).isEqualTo(200);
    assertThat(restored.json().path("version").asInt()).isEqualTo(3);
    assertThat(restored.json().path("code").asString()).isEqualTo(SMA_CROSS);
    assertThat(restored.json().path("parameters")).hasSize(2);
    JsonNode third = owner.get(id + "/versions/3").json();
    assertThat(third.path("code").asString()).isEqualTo(SMA_CROSS);
    assertThat(third.path("restored_from").asInt()).isEqualTo(1);
    assertThat(owner.get(id + "/versions/2").json().path("code").asString()).isEqualTo(NO_PARAMS);
    assertThat(api.post(PATH + "/" + id + "/versions/9/restore", "", owner.auth()).status())
        .isEqualTo(404);
  }

  @Test
  void refusesASaveBeyondTheVersionCap() {
    StrategyClient owner = StrategyClient.signUp(api, "vcap");
    String id = owner.created("Versioned", SMA_CROSS, false).path("id").asString();
    UUID strategyId = UUID.fromString(id);
    // Versions 2 .. MAX written directly: 499 saves over HTTP would only slow the test down.
    for (int number = 2; number <= StrategyService.MAX_VERSIONS; number++) {
      jdbc.sql(
              "insert into strategy_versions (strategy_id, number, name, code, parameters,"
                  + " created_at) values (?, ?, 'Versioned', ?, '[]'::jsonb, ?)")
          .params(strategyId, number, NO_PARAMS, Timestamp.from(Instant.now()))
          .update();
    }
    jdbc.sql("update strategies set version = ? where id = ?")
        .params(StrategyService.MAX_VERSIONS, strategyId)
        .update();

    Response refused = owner.put(id, save(SMA_CROSS + "\n// one more\n", null));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.problemType()).isEqualTo("/problems/too-many-versions");
    assertThat(api.post(PATH + "/" + id + "/versions/1/restore", "", owner.auth()).status())
        .isEqualTo(409);
    // The same code (no new version) and a draft still save.
    assertThat(owner.put(id, save(SMA_CROSS, null)).status()).isEqualTo(200);
    assertThat(owner.put(id, draft(BROKEN)).status()).isEqualTo(200);
  }

  @Test
  void keepsCodeWithErrorsAsADraftBesideTheCurrentVersion() {
    StrategyClient owner = StrategyClient.signUp(api, "draft");
    String id = owner.created("Versioned", SMA_CROSS, false).path("id").asString();
    assertThat(owner.put(id, save(BROKEN, null)).problemType())
        .isEqualTo("/problems/invalid-strategy");

    Response drafted = owner.put(id, draft(BROKEN));

    assertThat(drafted.status()).isEqualTo(200);
    JsonNode strategy = owner.get(id).json();
    assertThat(strategy.path("version").asInt()).isEqualTo(1);
    assertThat(strategy.path("code").asString()).isEqualTo(SMA_CROSS);
    assertThat(strategy.path("draft").path("code").asString()).isEqualTo(BROKEN);
    assertThat(strategy.path("draft").path("saved_at").asString()).isNotEmpty();
    assertThat(strategy.path("draft").path("errors")).hasSize(2);
    assertThat(strategy.path("draft").path("errors").get(0).path("line").asInt()).isEqualTo(1);
    assertThat(owner.get(id + "/versions").json().path("total_items").asLong()).isEqualTo(1);

    // Valid code saves a version and supersedes the draft.
    JsonNode saved = owner.put(id, draft(NO_PARAMS)).json();
    assertThat(saved.path("version").asInt()).isEqualTo(2);
    assertThat(saved.path("draft").isNull()).isTrue();
  }

  @Test
  void discardsADraftButNeverTheOnlyContent() {
    StrategyClient owner = StrategyClient.signUp(api, "discard");
    String id = owner.created("Versioned", SMA_CROSS, false).path("id").asString();
    owner.put(id, draft(BROKEN));

    Response discarded = api.delete(PATH + "/" + id + "/draft", owner.auth());

    assertThat(discarded.status()).isEqualTo(200);
    assertThat(discarded.json().path("draft").isNull()).isTrue();
    assertThat(owner.get(id).json().path("draft").isNull()).isTrue();

    Response onlyDraft = owner.create(draft(BROKEN));
    String draftOnly = onlyDraft.json().path("id").asString();
    Response refused = api.delete(PATH + "/" + draftOnly + "/draft", owner.auth());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.problemType()).isEqualTo("/problems/strategy-only-a-draft");
  }

  @Test
  void createsAStrategyThatIsOnlyADraftUntilItsCodeCompiles() {
    StrategyClient owner = StrategyClient.signUp(api, "onlydraft");
    Map<String, Object> request = draft(BROKEN);
    request.put("is_public", true);

    Response created = owner.create(request);

    assertThat(created.status()).isEqualTo(201);
    JsonNode strategy = created.json();
    String id = strategy.path("id").asString();
    assertThat(strategy.path("version").isNull()).isTrue();
    assertThat(strategy.path("code").asString()).isEmpty();
    assertThat(strategy.path("is_public").asBoolean()).as("a draft is never public").isFalse();
    assertThat(strategy.path("draft").path("code").asString()).isEqualTo(BROKEN);
    assertThat(owner.get(id + "/versions").json().path("total_items").asLong()).isZero();

    JsonNode saved = owner.put(id, save(SMA_CROSS, "works now")).json();
    assertThat(saved.path("version").asInt()).isEqualTo(1);
    assertThat(saved.path("code").asString()).isEqualTo(SMA_CROSS);
    assertThat(saved.path("draft").isNull()).isTrue();
  }

  @Test
  void showsVersionsAndDraftsToTheOwnerOnly() {
    StrategyClient owner = StrategyClient.signUp(api, "vowner");
    StrategyClient other = StrategyClient.signUp(api, "vother");
    String id = owner.created("Versioned", SMA_CROSS, true).path("id").asString();
    Map<String, Object> publicDraft = draft(BROKEN);
    publicDraft.put("is_public", true);
    owner.put(id, publicDraft);

    JsonNode seen = other.get(id).json();
    assertThat(seen.path("code").asString()).isEqualTo(SMA_CROSS);
    assertThat(seen.path("draft").isNull()).as("someone else never sees a draft").isTrue();
    assertThat(other.get(id + "/versions").status()).isEqualTo(404);
    assertThat(other.get(id + "/versions/1").status()).isEqualTo(404);
    assertThat(api.post(PATH + "/" + id + "/versions/1/restore", "", other.auth()).status())
        .isEqualTo(404);
    assertThat(api.delete(PATH + "/" + id + "/draft", other.auth()).status()).isEqualTo(404);
    assertThat(owner.get(id + "/versions").json().path("total_items").asLong()).isEqualTo(1);

    // A copy starts a history of its own, at version 1.
    JsonNode copy = other.copy(id).json();
    assertThat(copy.path("version").asInt()).isEqualTo(1);
    assertThat(
            other.get(copy.path("id").asString() + "/versions").json().path("total_items").asLong())
        .isEqualTo(1);
  }

  @Test
  void boundsTheNote() {
    StrategyClient owner = StrategyClient.signUp(api, "vnote");
    String id = owner.created("Versioned", SMA_CROSS, false).path("id").asString();

    Response response = owner.put(id, save(NO_PARAMS, "x".repeat(501)));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.errorFields()).containsExactly("note");
  }
}
