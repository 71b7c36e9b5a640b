package com.tradingbacktest.app.backtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Runs as documents (name, notes, tags; search), their public links (lifecycle, what they leak and
 * what not) and their HTML report, over real HTTP against the embedded PostgreSQL.
 */
class RunDocumentsAndSharesIntegrationTests extends IntegrationTest {

  private static final String SHARED = "/api/v1/shared/";

  RunClient owner;
  RunClient other;
  String runId;

  @BeforeEach
  void completedRun() {
    owner = new RunClient(api, port, json, "owner");
    other = new RunClient(api, port, json, "other");
    String strategy = owner.strategy("Cross <script>alert(1)</script>", RunClient.SMA_CROSS);
    runId = owner.started(RunClient.request(strategy));
    assertThat(owner.awaitFinal(runId).path("status").asString()).isEqualTo("completed");
  }

  @Test
  void namesARunByItsStrategyAndSymbolUntilRenamedAndEditsNotesAndTags() {
    JsonNode run = owner.get(runId).json();
    assertThat(run.path("name").asString()).isEqualTo("Cross <script>alert(1)</script> · AAPL");
    assertThat(run.path("notes").asString()).isEmpty();
    assertThat(run.path("tags")).isEmpty();

    Response edited =
        owner.api.patch(
            RunClient.PATH + "/" + runId,
            Map.of(
                "name",
                "  Momentum 2013  ",
                "notes",
                "line one\nline two",
                "tags",
                List.of(" swing ", "SWING", "aapl  daily", "")),
            owner.auth);
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.json().path("name").asString()).isEqualTo("Momentum 2013");
    assertThat(edited.json().path("notes").asString()).isEqualTo("line one\nline two");
    assertThat(edited.json().path("tags").valueStream().map(JsonNode::asString))
        .containsExactly("swing", "aapl daily");

    // An absent field stays as it was.
    JsonNode renamedOnly =
        owner
            .api
            .patch(RunClient.PATH + "/" + runId, Map.of("name", "Kept notes"), owner.auth)
            .json();
    assertThat(renamedOnly.path("notes").asString()).isEqualTo("line one\nline two");
    assertThat(renamedOnly.path("tags")).hasSize(2);
  }

  @Test
  void refusesEditsOutOfBoundsFieldByFieldAndSomeoneElsesRun() {
    Response tooMuch =
        owner.api.patch(
            RunClient.PATH + "/" + runId,
            Map.of(
                "name", "x".repeat(201),
                "notes", "n".repeat(10_001)),
            owner.auth);
    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(tooMuch.errorFields()).containsExactlyInAnyOrder("name", "notes");

    Response blank =
        owner.api.patch(RunClient.PATH + "/" + runId, Map.of("name", "  "), owner.auth);
    assertThat(blank.status()).isEqualTo(422);
    assertThat(blank.errorFields()).containsExactly("name");

    List<String> manyTags = new java.util.ArrayList<>();
    for (int i = 0; i < 21; i++) {
      manyTags.add("tag" + i);
    }
    Response tags =
        owner.api.patch(
            RunClient.PATH + "/" + runId,
            Map.of("tags", List.of("ok", "t".repeat(41))),
            owner.auth);
    assertThat(tags.status()).isEqualTo(422);
    assertThat(tags.errorFields()).containsExactly("tags[1]");
    Response count =
        owner.api.patch(RunClient.PATH + "/" + runId, Map.of("tags", manyTags), owner.auth);
    assertThat(count.status()).isEqualTo(422);
    assertThat(count.errorFields()).containsExactly("tags");

    Response foreign =
        other.api.patch(RunClient.PATH + "/" + runId, Map.of("name", "mine now"), other.auth);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(owner.get(runId).json().path("name").asString()).startsWith("Cross");
  }

  @Test
  void searchesNameNotesStrategyAndSymbolAndFiltersByTagIgnoringCase() {
    owner.api.patch(
        RunClient.PATH + "/" + runId,
        Map.of("name", "Breakout 100%_test", "notes", "Earnings week", "tags", List.of("Swing")),
        owner.auth);
    assertThat(ids(list(owner, "?q=breakout"))).containsExactly(runId);
    assertThat(ids(list(owner, "?q=EARNINGS"))).containsExactly(runId);
    assertThat(ids(list(owner, "?q=cross"))).containsExactly(runId);
    assertThat(ids(list(owner, "?q=aapl"))).containsExactly(runId);
    // % and _ are literal, not wildcards.
    assertThat(ids(list(owner, "?q=100%25_"))).containsExactly(runId);
    assertThat(ids(list(owner, "?q=0%25x"))).isEmpty();
    assertThat(ids(list(owner, "?q=nothing-like-it"))).isEmpty();
    assertThat(ids(list(owner, "?tag=swing"))).containsExactly(runId);
    assertThat(ids(list(owner, "?tag=position"))).isEmpty();
    JsonNode item = list(owner, "?tag=SWING").json().path("items").get(0);
    assertThat(item.path("name").asString()).isEqualTo("Breakout 100%_test");
    assertThat(item.path("tags").get(0).asString()).isEqualTo("Swing");
    // Another account's search finds nothing of this one's.
    assertThat(ids(list(other, "?q=breakout"))).isEmpty();

    Response longQuery = list(owner, "?q=" + "q".repeat(101));
    assertThat(longQuery.status()).isEqualTo(422);
    assertThat(longQuery.errorFields()).containsExactly("q");
  }

  @Test
  void aSharedRunIsReadSignedOutUntilRevokedAndLeaksNoAccountData() {
    String share = RunClient.PATH + "/" + runId + "/share";
    Response created = owner.api.post(share, Map.of("include_code", false), owner.auth);
    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    String token = created.json().path("token").asString();
    assertThat(token).matches("[A-Za-z0-9_-]{32}");
    assertThat(created.json().path("path").asString()).isEqualTo("/shared?token=" + token);
    // Asking again keeps the token and updates the choice.
    Response again = owner.api.post(share, Map.of("include_code", false), owner.auth);
    assertThat(again.json().path("token").asString()).isEqualTo(token);
    assertThat(owner.get(runId).json().path("share").path("token").asString()).isEqualTo(token);

    Response shared = api.get(SHARED + token);
    assertThat(shared.status()).as(shared.toString()).isEqualTo(200);
    JsonNode body = shared.json();
    assertThat(body.path("name").asString()).startsWith("Cross");
    assertThat(body.path("result").path("metrics").path("total_return").isNumber()).isTrue();
    assertThat(body.path("result").path("equity").path("equity").size()).isGreaterThan(100);
    assertThat(body.path("strategy_code").isNull()).isTrue();
    assertThat(shared.body()).doesNotContain("long_entry");
    assertNoAccountData(shared.body());
    Response trips = api.get(SHARED + token + "/round-trips?size=2");
    assertThat(trips.status()).isEqualTo(200);
    assertThat(trips.json().path("items")).hasSize(2);
    assertThat(trips.json().path("total_items").asLong())
        .isEqualTo(body.path("result").path("round_trip_count").asLong());
    assertNoAccountData(trips.body());

    owner.api.post(share, Map.of("include_code", true), owner.auth);
    assertThat(api.get(SHARED + token).json().path("strategy_code").asString())
        .isEqualTo(RunClient.SMA_CROSS);

    assertThat(owner.api.delete(share, owner.auth).status()).isEqualTo(204);
    Response revoked = api.get(SHARED + token);
    Response unknown = api.get(SHARED + "A".repeat(32));
    assertThat(revoked.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    for (String field : List.of("type", "title", "detail")) {
      assertThat(revoked.json().path(field)).isEqualTo(unknown.json().path(field));
    }
    assertThat(api.get(SHARED + token + "/round-trips").status()).isEqualTo(404);
    assertThat(owner.get(runId).json().path("share").isNull()).isTrue();

    Response fresh = owner.api.post(share, Map.of(), owner.auth);
    assertThat(fresh.json().path("token").asString()).isNotEqualTo(token);
  }

  @Test
  void anotherAccountCannotShareOrRevokeARunItDoesNotOwn() {
    String share = RunClient.PATH + "/" + runId + "/share";
    assertThat(other.api.post(share, Map.of("include_code", true), other.auth).status())
        .isEqualTo(404);
    String token = owner.api.post(share, Map.of(), owner.auth).json().path("token").asString();
    assertThat(other.api.delete(share, other.auth).status()).isEqualTo(404);
    assertThat(api.get(SHARED + token).status()).isEqualTo(200);
    // Signed out, sharing is refused as any other API call.
    assertThat(api.post(share, Map.of()).status()).isEqualTo(401);
  }

  @Test
  void reportIsSelfContainedHtmlWithInlineChartsEscapedAndInTheReadersLanguage() {
    Response english =
        owner.api.get(
            RunClient.PATH + "/" + runId + "/report",
            owner.auth[0],
            owner.auth[1],
            "Accept-Language",
            "en");
    assertThat(english.status()).as(english.toString()).isEqualTo(200);
    assertThat(english.header("Content-Type")).startsWith("text/html");
    assertThat(english.header("Content-Disposition"))
        .startsWith("attachment")
        .contains("-report.html");
    String html = english.body();
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Monthly returns");
    assertThat(html).contains("Total return").contains("long_entry = crossover");
    assertThat(html).doesNotContain("http://", "https://", "src=", "<script", "<link");
    assertThat(html).contains("Cross &lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).contains("@media print");

    Response korean =
        owner.api.get(
            RunClient.PATH + "/" + runId + "/report",
            owner.auth[0],
            owner.auth[1],
            "Accept-Language",
            "ko-KR,ko;q=0.9");
    assertThat(korean.body()).contains("월별 수익률").contains("총수익률").contains("lang=\"ko\"");

    assertThat(other.api.get(RunClient.PATH + "/" + runId + "/report", other.auth).status())
        .isEqualTo(404);
  }

  @Test
  void wonAreReadInManAndEok() {
    assertThat(ReportFormat.won(123_456_789)).isEqualTo("1억 2,345만 6,789원");
    assertThat(ReportFormat.won(10_000_000)).isEqualTo("1,000만원");
    assertThat(ReportFormat.won(-50_000)).isEqualTo("-5만원");
    assertThat(ReportFormat.won(0)).isEqualTo("0원");
  }

  private static void assertNoAccountData(String body) {
    assertThat(body)
        .doesNotContain("@example.com")
        .doesNotContain("owner_")
        .doesNotContain("user_id")
        .doesNotContain("email")
        .doesNotContain("username")
        .doesNotContain("strategy_id")
        .doesNotContain("\"id\"");
  }

  private static Response list(RunClient client, String query) {
    return client.api.get(RunClient.PATH + query, client.auth);
  }

  private static List<String> ids(Response page) {
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return page.json().path("items").valueStream().map(i -> i.path("id").asString()).toList();
  }
}
