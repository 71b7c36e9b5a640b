package com.tradingbacktest.app.strategy;

import static com.tradingbacktest.app.strategy.StrategyClient.NO_PARAMS;
import static com.tradingbacktest.app.strategy.StrategyClient.SMA_CROSS;
import static com.tradingbacktest.app.strategy.StrategyClient.body;
import static com.tradingbacktest.app.strategy.StrategyClient.signUp;
import static com.tradingbacktest.app.strategy.StrategyClient.withToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Lists: a page at a time with totals, sorted, searched by name, scoped to mine, public or both.
 */
class StrategyListIntegrationTests extends IntegrationTest {

  @Test
  void listsOnlyTheCallersStrategiesByDefaultMostRecentlyUpdatedFirst() {
    StrategyClient alice = signUp(api, "listmine");
    StrategyClient bob = signUp(api, "listother");
    String first = alice.created("first").path("id").asString();
    alice.created("second");
    alice.created("third");
    bob.created("bob's", SMA_CROSS, true);
    alice.put(first, body("first, edited", SMA_CROSS, false));

    Response response = alice.list("");

    assertThat(response.status()).isEqualTo(200);
    JsonNode page = response.json();
    assertThat(names(page)).containsExactly("first, edited", "third", "second");
    assertThat(page.path("page").asInt()).isZero();
    assertThat(page.path("size").asInt()).isEqualTo(20);
    assertThat(page.path("total_items").asInt()).isEqualTo(3);
    assertThat(page.path("total_pages").asInt()).isEqualTo(1);
  }

  @Test
  void listItemsCarryEverythingButTheCode() {
    JsonNode tokens = api.registerUser("listshape");
    StrategyClient alice = withToken(api, tokens);
    JsonNode created = alice.created("shape", SMA_CROSS, true);

    JsonNode item = alice.list("").json().path("items").get(0);

    assertThat(item.has("code")).isFalse();
    assertThat(item.path("id")).isEqualTo(created.path("id"));
    assertThat(item.path("name").asString()).isEqualTo("shape");
    assertThat(item.path("is_public").asBoolean()).isTrue();
    assertThat(item.path("mine").asBoolean()).isTrue();
    assertThat(item.path("owner_id").asString()).isEqualTo(StrategyClient.userId(tokens));
    assertThat(item.path("parameters")).isEqualTo(created.path("parameters"));
    assertThat(item.path("created_at")).isEqualTo(created.path("created_at"));
    assertThat(item.path("updated_at")).isEqualTo(created.path("updated_at"));
    assertThat(item.has("description")).isTrue();
  }

  @Test
  void paginatesWithTheTotals() {
    StrategyClient alice = signUp(api, "pages");
    for (int i = 1; i <= 5; i++) {
      alice.created("s" + i, NO_PARAMS, false);
    }

    JsonNode first = alice.list("size=2&sort=name,asc").json();
    JsonNode last = alice.list("size=2&page=2&sort=name,asc").json();
    JsonNode beyond = alice.list("size=2&page=3&sort=name,asc").json();

    assertThat(names(first)).containsExactly("s1", "s2");
    assertThat(first.path("total_items").asInt()).isEqualTo(5);
    assertThat(first.path("total_pages").asInt()).isEqualTo(3);
    assertThat(first.path("size").asInt()).isEqualTo(2);
    assertThat(names(alice.list("size=2&page=1&sort=name,asc").json())).containsExactly("s3", "s4");
    assertThat(names(last)).containsExactly("s5");
    assertThat(last.path("page").asInt()).isEqualTo(2);
    assertThat(beyond.path("items")).isEmpty();
    assertThat(beyond.path("total_items").asInt()).isEqualTo(5);
  }

  @Test
  void sortsByNameIgnoringCaseOrByTime() {
    StrategyClient alice = signUp(api, "sorting");
    alice.created("banana");
    alice.created("Apple");
    alice.created("cherry");

    assertThat(names(alice.list("sort=name,asc").json()))
        .containsExactly("Apple", "banana", "cherry");
    assertThat(names(alice.list("sort=name").json())).containsExactly("Apple", "banana", "cherry");
    assertThat(names(alice.list("sort=name,desc").json()))
        .containsExactly("cherry", "banana", "Apple");
    assertThat(names(alice.list("sort=created_at").json()))
        .containsExactly("banana", "Apple", "cherry");
    assertThat(names(alice.list("sort=created_at,desc").json()))
        .containsExactly("cherry", "Apple", "banana");
    assertThat(names(alice.list("sort=updated_at,asc").json()))
        .containsExactly("banana", "Apple", "cherry");
  }

  @Test
  void searchesNamesIgnoringCaseAndTakesWildcardsLiterally() {
    StrategyClient alice = signUp(api, "search");
    alice.created("RSI mean reversion");
    alice.created("Bollinger reversion");
    alice.created("SMA crossover");
    alice.created("100% invested");
    alice.created("snake_case");

    assertThat(names(alice.list("query=REVERSION&sort=name").json()))
        .containsExactly("Bollinger reversion", "RSI mean reversion");
    assertThat(alice.list("query=reversion").json().path("total_items").asInt()).isEqualTo(2);
    assertThat(names(alice.list("query=%25").json())).containsExactly("100% invested");
    assertThat(names(alice.list("query=_").json())).containsExactly("snake_case");
    assertThat(names(alice.list("query=%20sma%20").json())).containsExactly("SMA crossover");
    assertThat(alice.list("query=nothing-like-this").json().path("total_items").asInt()).isZero();
  }

  @Test
  void scopesToMineToEveryonesPublicOrToBoth() {
    String tag = "scope" + UUID.randomUUID().toString().substring(0, 8);
    StrategyClient alice = signUp(api, "scopea");
    StrategyClient bob = signUp(api, "scopeb");
    alice.created(tag + " alice private", SMA_CROSS, false);
    alice.created(tag + " alice public", SMA_CROSS, true);
    bob.created(tag + " bob private", SMA_CROSS, false);
    bob.created(tag + " bob public", SMA_CROSS, true);
    String query = "query=" + tag + "&sort=name";

    JsonNode mine = alice.list(query + "&scope=mine").json();
    JsonNode everyonesPublic = alice.list(query + "&scope=public").json();
    JsonNode both = alice.list(query + "&scope=all").json();

    assertThat(names(alice.list(query).json())).isEqualTo(names(mine));
    assertThat(names(mine)).containsExactly(tag + " alice private", tag + " alice public");
    assertThat(names(everyonesPublic)).containsExactly(tag + " alice public", tag + " bob public");
    assertThat(everyonesPublic.path("total_items").asInt()).isEqualTo(2);
    assertThat(mineFlags(everyonesPublic)).containsExactly(true, false);
    assertThat(names(both))
        .containsExactly(tag + " alice private", tag + " alice public", tag + " bob public");
    assertThat(both.path("total_items").asInt()).isEqualTo(3);
    assertThat(mineFlags(both)).containsExactly(true, true, false);
  }

  @Test
  void rejectsPagingSortingAndScopeOutOfRange() {
    StrategyClient alice = signUp(api, "badlist");

    Response response =
        alice.list("page=-1&size=101&sort=code,desc&scope=everyone&query=" + "q".repeat(201));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.problemType()).isEqualTo("/problems/validation-failed");
    List<String> fields = new ArrayList<>();
    response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
    assertThat(fields).containsExactlyInAnyOrder("page", "size", "sort", "scope", "query");
    assertThat(alice.list("size=0").status()).isEqualTo(422);
    assertThat(alice.list("size=100").status()).isEqualTo(200);
    assertThat(alice.list("page=abc").status()).isEqualTo(400);
  }

  private static List<String> names(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.path("items").forEach(item -> names.add(item.path("name").asString()));
    return names;
  }

  private static List<Boolean> mineFlags(JsonNode page) {
    List<Boolean> flags = new ArrayList<>();
    page.path("items").forEach(item -> flags.add(item.path("mine").asBoolean()));
    return flags;
  }
}
