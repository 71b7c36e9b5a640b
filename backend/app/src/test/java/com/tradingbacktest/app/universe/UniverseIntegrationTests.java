package com.tradingbacktest.app.universe;

import static com.tradingbacktest.app.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Saved universes over HTTP on the real database: the round trip, who may see and change what, the
 * shared ones, and every limit.
 */
class UniverseIntegrationTests extends IntegrationTest {

  private static final String PATH = "/api/v1/universes";
  private static final String SYNTHETIC = "00000000-0000-4000-8000-000000000001";
  private static final String KOSPI = "00000000-0000-4000-8000-000000000003";

  private String alice;

  @BeforeEach
  void signUp() {
    // With the embedded database the first account administers shared data: never one of ours.
    api.registerUser("first");
    alice = bearer(api.registerUser("alice"));
  }

  @Test
  void keepsAUniverseInOrderWithoutRepeatsAndSaysWhichSymbolsHaveNoData() {
    Response created =
        post(
            alice,
            Map.of(
                "name", "  Mixed  ",
                "description", "tech and a ghost",
                "symbols", List.of("SYN-TECH", " AAPL ", "SYN-TECH", "NO-DATA-YET", "AAPL")));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode body = created.json();
    String id = body.path("id").asString();
    assertThat(created.header("Location")).isEqualTo(PATH + "/" + id);
    assertThat(body.path("name").asString()).isEqualTo("Mixed");
    assertThat(strings(body.path("symbols"))).containsExactly("SYN-TECH", "AAPL", "NO-DATA-YET");
    assertThat(strings(body.path("missing_symbols"))).containsExactly("NO-DATA-YET");
    assertThat(body.path("mine").asBoolean()).isTrue();
    assertThat(body.path("editable").asBoolean()).isTrue();
    assertThat(body.path("shared").asBoolean()).isFalse();

    JsonNode read = api.get(PATH + "/" + id, "Authorization", alice).json();
    assertThat(strings(read.path("symbols"))).containsExactly("SYN-TECH", "AAPL", "NO-DATA-YET");
    assertThat(read.path("description").asString()).isEqualTo("tech and a ghost");

    JsonNode listed = item(api.get(PATH + "?scope=mine", "Authorization", alice).json(), id);
    assertThat(listed.path("symbol_count").asInt()).isEqualTo(3);
    assertThat(listed.path("missing_count").asInt()).isEqualTo(1);
    assertThat(strings(listed.path("symbols_preview")))
        .containsExactly("SYN-TECH", "AAPL", "NO-DATA-YET");

    Response replaced =
        api.put(
            PATH + "/" + id,
            Map.of("name", "Renamed", "symbols", List.of("SYN-BOND", "SYN-GOLD")),
            "Authorization",
            alice);
    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    assertThat(replaced.json().path("description").isNull()).isTrue();
    assertThat(strings(replaced.json().path("symbols"))).containsExactly("SYN-BOND", "SYN-GOLD");
    assertThat(strings(replaced.json().path("missing_symbols"))).isEmpty();

    assertThat(api.delete(PATH + "/" + id, "Authorization", alice).status()).isEqualTo(204);
    assertThat(api.get(PATH + "/" + id, "Authorization", alice).status()).isEqualTo(404);
  }

  @Test
  void someoneElsesUniverseIsNotFoundExactlyLikeAMissingOneAndStaysUnchanged() {
    String id = post(alice, universe("Secret list", "SYN-TECH")).json().path("id").asString();
    String mallory = bearer(api.registerUser("mallory"));

    Response theirs = api.get(PATH + "/" + id, "Authorization", mallory);
    Response missing = api.get(PATH + "/" + UUID.randomUUID(), "Authorization", mallory);
    assertThat(theirs.status()).isEqualTo(404);
    assertThat(theirs.problemType()).isEqualTo("/problems/not-found");
    assertThat(theirs.json().path("detail")).isEqualTo(missing.json().path("detail"));
    assertThat(theirs.body()).doesNotContain("Secret");
    assertThat(
            api.put(PATH + "/" + id, universe("Taken", "SPY"), "Authorization", mallory).status())
        .isEqualTo(404);
    assertThat(api.delete(PATH + "/" + id, "Authorization", mallory).status()).isEqualTo(404);
    assertThat(api.get(PATH + "?scope=all", "Authorization", mallory).body()).doesNotContain(id);

    JsonNode kept = api.get(PATH + "/" + id, "Authorization", alice).json();
    assertThat(kept.path("name").asString()).isEqualTo("Secret list");
    assertThat(strings(kept.path("symbols"))).containsExactly("SYN-TECH");
  }

  @Test
  void everyoneReadsTheSharedUniversesThatOnlyAdministratorsChange() {
    JsonNode page = api.get(PATH + "?scope=shared", "Authorization", alice).json();
    JsonNode synthetic = item(page, SYNTHETIC);
    assertThat(synthetic.path("shared").asBoolean()).isTrue();
    assertThat(synthetic.path("mine").asBoolean()).isFalse();
    assertThat(synthetic.path("editable").asBoolean()).isFalse();
    assertThat(synthetic.path("symbol_count").asInt()).isEqualTo(8);
    assertThat(synthetic.path("missing_count").asInt()).isZero(); // seeded on first start
    assertThat(synthetic.path("description").asString()).contains("SYNTHETIC", "not real");
    // Its series come online only (SEED_ONLINE is off in tests): defined, with no data yet.
    assertThat(item(page, KOSPI).path("missing_count").asInt()).isEqualTo(5);

    Response change =
        api.put(PATH + "/" + SYNTHETIC, universe("Mine now", "SPY"), "Authorization", alice);
    assertThat(change.status()).isEqualTo(403);
    assertThat(change.problemType()).isEqualTo("/problems/shared-universe-forbidden");
    assertThat(api.delete(PATH + "/" + SYNTHETIC, "Authorization", alice).status()).isEqualTo(403);
    Map<String, Object> shared = new HashMap<>(universe("Everyone's", "SPY"));
    shared.put("shared", true);
    assertThat(post(alice, shared).status()).isEqualTo(403);

    String admin = administrator();
    Response created = post(admin, shared);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().path("id").asString();
    assertThat(created.json().path("editable").asBoolean()).isTrue();
    JsonNode seen = api.get(PATH + "/" + id, "Authorization", alice).json();
    assertThat(seen.path("shared").asBoolean()).isTrue();
    assertThat(seen.path("editable").asBoolean()).isFalse();

    Map<String, Object> unshare = new HashMap<>(universe("Everyone's", "SPY", "QQQ"));
    unshare.put("shared", false);
    Response unshared = api.put(PATH + "/" + id, unshare, "Authorization", admin);
    assertThat(unshared.status()).isEqualTo(422);
    assertThat(unshared.errorFields()).containsExactly("shared");
    Response edited =
        api.put(PATH + "/" + id, universe("Everyone's", "SPY", "QQQ"), "Authorization", admin);
    assertThat(strings(edited.json().path("symbols"))).containsExactly("SPY", "QQQ");
    assertThat(api.delete(PATH + "/" + id, "Authorization", admin).status()).isEqualTo(204);
    assertThat(api.get(PATH + "/" + id, "Authorization", alice).status()).isEqualTo(404);
  }

  @Test
  void refusesBadFieldsWithEveryProblemNamed() {
    Response empty = post(alice, Map.of("name", " ", "symbols", List.of()));
    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.problemType()).isEqualTo("/problems/validation-failed");
    assertThat(empty.errorFields()).containsExactlyInAnyOrder("name", "symbols");

    Response missing = post(alice, Map.of("name", "No symbols"));
    assertThat(missing.errorFields()).containsExactly("symbols");

    Response long_ =
        post(
            alice,
            Map.of(
                "name", "n".repeat(101),
                "description", "d".repeat(1001),
                "symbols", List.of("SPY")));
    assertThat(long_.errorFields()).containsExactlyInAnyOrder("name", "description");
    assertThat(post(alice, universe("tab\there", "SPY")).errorFields()).containsExactly("name");

    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      tooMany.add("S" + i);
    }
    Response over = post(alice, Map.of("name", "Too many", "symbols", tooMany));
    assertThat(over.errorFields()).containsExactly("symbols");
    assertThat(over.errorMessages("symbols")).containsExactly("must hold 1-500 symbols");
    assertThat(post(alice, Map.of("name", "Most", "symbols", tooMany.subList(0, 500))).status())
        .isEqualTo(201);

    List<String> bad = new ArrayList<>(List.of("SPY", "~own", "BAD TICKER", "x".repeat(41)));
    bad.addAll(Collections.nCopies(12, "$"));
    Response syntax = post(alice, Map.of("name", "Bad", "symbols", bad));
    assertThat(syntax.status()).isEqualTo(422);
    assertThat(syntax.errorFields()).containsExactly("symbols");
    assertThat(syntax.errorMessages("symbols").get(0))
        .contains("\"~own\"", "\"BAD TICKER\"", "and 5 more")
        .doesNotContain("\"SPY\"");

    List<Object> withNull = new ArrayList<>();
    withNull.add(null);
    Map<String, Object> nullSymbol = new HashMap<>();
    nullSymbol.put("name", "Null");
    nullSymbol.put("symbols", withNull);
    assertThat(post(alice, nullSymbol).errorFields()).containsExactly("symbols");

    assertThat(api.get(PATH + "?size=101", "Authorization", alice).errorFields())
        .containsExactly("size");
    assertThat(api.get(PATH + "?scope=everyone", "Authorization", alice).errorFields())
        .containsExactly("scope");
    assertThat(api.get(PATH + "?sort=symbols", "Authorization", alice).errorFields())
        .containsExactly("sort");
  }

  @Test
  void anAccountKeepsAtMostAHundredUniverses() {
    String bob = bearer(api.registerUser("collector"));
    for (int i = 0; i < UniverseService.MAX_PER_USER; i++) {
      assertThat(post(bob, universe("U" + i, "SPY")).status()).isEqualTo(201);
    }

    Response refused = post(bob, universe("One more", "SPY"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.problemType()).isEqualTo("/problems/too-many-universes");
    assertThat(
            api.get(PATH + "?scope=mine", "Authorization", bob).json().path("total_items").asInt())
        .isEqualTo(100);
    // Another account is not counted against it.
    assertThat(post(alice, universe("Alice's", "SPY")).status()).isEqualTo(201);
  }

  @Test
  void aBodyOverTheRequestLimitIsRefusedBeforeItIsRead() {
    String huge = "{\"name\":\"x\",\"symbols\":[" + "\"AAPL\",".repeat(200_000) + "\"AAPL\"]}";
    Response refused = api.post(PATH, huge, "Authorization", alice);
    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.problemType()).isEqualTo("/problems/payload-too-large");
  }

  private Response post(String auth, Map<String, ?> body) {
    return api.post(PATH, body, "Authorization", auth);
  }

  private static Map<String, Object> universe(String name, String... symbols) {
    return Map.of("name", name, "symbols", List.of(symbols));
  }

  private String administrator() {
    Response registered =
        api.post(
            "/api/v1/auth/register",
            Map.of("email", ADMIN + "@example.com", "username", ADMIN, "password", "s3cret-pass"));
    Response session =
        registered.status() == 201
            ? registered
            : api.post("/api/v1/auth/login", Map.of("login", ADMIN, "password", "s3cret-pass"));
    assertThat(session.status()).as(session.toString()).isIn(200, 201);
    return "Bearer " + session.json().path("access_token").asString();
  }

  private static JsonNode item(JsonNode page, String id) {
    for (JsonNode item : page.path("items")) {
      if (item.path("id").asString().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("no universe " + id + " in " + page);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.asString()));
    return out;
  }
}
