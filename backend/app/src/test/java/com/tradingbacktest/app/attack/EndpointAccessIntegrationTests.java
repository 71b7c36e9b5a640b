package com.tradingbacktest.app.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.backtest.run.RunClient;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.Multipart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The attack suite's access part, driven by the served OpenAPI document so that an endpoint added
 * later is covered without anyone remembering to: every operation refuses a caller without
 * credentials (but the few public ones, listed here), and every operation that names a resource by
 * id answers another account's real id with 404, as if it did not exist, and changes nothing of it.
 */
class EndpointAccessIntegrationTests extends IntegrationTest {

  /** Operations anyone may call: signing up and in, and the OpenAPI document itself. */
  private static final Set<String> PUBLIC =
      Set.of(
          "post /api/v1/auth/register",
          "post /api/v1/auth/login",
          "post /api/v1/auth/refresh",
          "post /api/v1/auth/logout",
          // The front page's figures, and a shared run's read-only link (the token is the
          // credential).
          "get /api/v1/catalogue/summary",
          "get /api/v1/shared/{token}",
          "get /api/v1/shared/{token}/round-trips");

  private static final String OPTIMIZE = "/api/v1/backtests/optimize";

  private static final String WALK_FORWARD = "/api/v1/backtests/walk-forward";

  private static final String SIMPLE =
      """
      param n = 2 in 1..3
      long_entry = close > sma(close, n)
      long_exit = close < sma(close, n)
      """;

  @Test
  void everyOperationButThePublicOnesAnswers401WithoutCredentials() {
    Set<String> notRefused = new TreeSet<>();
    List<String> operations = operations();
    assertThat(operations).hasSizeGreaterThan(25);
    for (String operation : operations) {
      String method = operation.substring(0, operation.indexOf(' '));
      String path = operation.substring(operation.indexOf(' ') + 1);
      String url =
          path.replace("{symbol}", "AAPL")
              .replace("{combination}", "0")
              .replace("{number}", "1")
              .replaceAll("\\{[a-zA-Z_]+}", UUID.randomUUID().toString());
      Response response = call(method, url, Map.of());
      // A public operation may answer 401 too, but for its own reason (a missing refresh token).
      if (response.status() != 401 || !response.problemType().equals("/problems/unauthorized")) {
        notRefused.add(operation);
      }
    }
    assertThat(notRefused)
        .as("operations that do not refuse an anonymous caller")
        .isEqualTo(new TreeSet<>(PUBLIC));
  }

  @Test
  void anotherAccountsIdsAnswer404AndChangeNothing() {
    RunClient owner = new RunClient(api, port, json, "owner");
    RunClient intruder = new RunClient(api, port, json, "intruder");
    Map<String, String> ids = ownedResources(owner);
    Map<String, String> before = snapshot(owner, ids);

    List<String> tried = new ArrayList<>();
    for (String operation : operations()) {
      String method = operation.substring(0, operation.indexOf(' '));
      String path = operation.substring(operation.indexOf(' ') + 1);
      String resource = resourceOf(path);
      if (!path.contains("{id}") || resource == null) {
        continue;
      }
      String url =
          path.replace("{id}", ids.get(resource))
              .replace("{combination}", "0")
              .replace("{number}", "1")
              .replace("{mcId}", ids.get("monte-carlo"));
      Response response = call(method, url, bodyFor(path), intruder.auth);
      assertThat(response.status()).as(operation + " -> " + response).isEqualTo(404);
      assertThat(response.problemType()).as(operation).isEqualTo("/problems/not-found");
      tried.add(operation);
    }
    // The analytics endpoints take run ids as query parameters: the intruder's own run beside the
    // owner's must not let the owner's through.
    String run = ids.get("backtests");
    String both = ownedResources(intruder).get("backtests") + "," + run;
    for (String url :
        List.of(
            "/api/v1/analytics/metrics?ids=" + both,
            "/api/v1/analytics/chart?backtest_id=" + run,
            "/api/v1/analytics/compare?ids=" + both)) {
      Response response = call("get", url, Map.of(), intruder.auth);
      assertThat(response.status()).as(url + " -> " + response).isEqualTo(404);
      tried.add("get " + url);
    }

    assertThat(tried)
        .as("each kind of owned resource is attacked by read and by write")
        .anyMatch(o -> o.startsWith("put /api/v1/strategies/{id}"))
        .anyMatch(o -> o.startsWith("delete /api/v1/strategies/{id}"))
        .anyMatch(o -> o.startsWith("delete /api/v1/backtests/{id}"))
        .anyMatch(o -> o.startsWith("delete /api/v1/backtests/optimize/{id}"))
        .anyMatch(o -> o.startsWith("delete /api/v1/api-keys/{id}"))
        .anyMatch(o -> o.startsWith("get /api/v1/data/imports/{id}"))
        .anyMatch(o -> o.startsWith("put /api/v1/universes/{id}"))
        .anyMatch(o -> o.startsWith("delete /api/v1/universes/{id}"))
        .anyMatch(o -> o.startsWith("post /api/v1/backtests/optimize/{id}/results"))
        .anyMatch(o -> o.startsWith("post /api/v1/backtests/{id}/monte-carlo"))
        .anyMatch(o -> o.startsWith("delete /api/v1/backtests/{id}/monte-carlo/{mcId}"))
        .anyMatch(o -> o.startsWith("get /api/v1/backtests/walk-forward/{id}/events"))
        .anyMatch(o -> o.startsWith("delete /api/v1/backtests/walk-forward/{id}"));
    assertThat(snapshot(owner, ids)).isEqualTo(before);
  }

  /** One of each kind of resource an account owns, by the first segment of its path. */
  private Map<String, String> ownedResources(RunClient owner) {
    String symbol = owner.uploadDaily(RunClient.dailyCsv(10, 11, 12, 11, 10, 11, 13, 14, 12, 11));
    String strategy = owner.strategy("mine", SIMPLE);
    Map<String, Object> backtest =
        RunClient.request(strategy, symbol, "1d", "2024-01-01", "2024-01-10");
    String run = owner.started(backtest);
    owner.awaitFinal(run);
    Response optimization =
        owner.api.post(
            OPTIMIZE,
            Map.of(
                "backtest",
                backtest,
                "ranges",
                Map.of("n", Map.of("from", 1, "to", 2, "step", 1)),
                "objective",
                "total_return"),
            owner.auth);
    assertThat(optimization.status()).as(optimization.toString()).isEqualTo(202);
    String optimizationId = optimization.json().path("id").asString();
    awaitOptimization(owner, optimizationId);
    Response analysis =
        owner.api.post(
            "/api/v1/backtests/" + run + "/monte-carlo",
            Map.of("method", "block_bootstrap", "paths", 10),
            owner.auth);
    assertThat(analysis.status()).as(analysis.toString()).isEqualTo(202);
    Response walkForward =
        owner.api.post(
            WALK_FORWARD,
            Map.of(
                "backtest",
                backtest,
                "ranges",
                Map.of("n", Map.of("from", 1, "to", 2, "step", 1)),
                "objective",
                "total_return",
                "windows",
                Map.of("count", 2, "train_test_ratio", 1)),
            owner.auth);
    assertThat(walkForward.status()).as(walkForward.toString()).isEqualTo(202);
    String walkForwardId = walkForward.json().path("id").asString();
    awaitCompleted(owner, WALK_FORWARD + "/" + walkForwardId);
    Response key = owner.api.post("/api/v1/api-keys", Map.of("name", "script"), owner.auth);
    assertThat(key.status()).as(key.toString()).isEqualTo(201);
    Response imports = owner.api.get("/api/v1/data/imports", owner.auth);
    String importId = imports.json().path(0).path("id").asString();
    assertThat(importId).as(imports.toString()).isNotEmpty();
    Response universe =
        owner.api.post(
            "/api/v1/universes", Map.of("name", "mine", "symbols", List.of(symbol)), owner.auth);
    assertThat(universe.status()).as(universe.toString()).isEqualTo(201);
    return Map.of(
        "monte-carlo", analysis.json().path("id").asString(),
        "universes", universe.json().path("id").asString(),
        "strategies", strategy,
        "backtests", run,
        "optimizations", optimizationId,
        "walk-forwards", walkForwardId,
        "api-keys", key.json().path("api_key").path("id").asString(),
        "data", importId);
  }

  /** What the owner sees of each resource: any change by the intruder shows here. */
  private Map<String, String> snapshot(RunClient owner, Map<String, String> ids) {
    Map<String, String> seen = new LinkedHashMap<>();
    seen.put("strategy", owner.get("/api/v1/strategies/" + ids.get("strategies")).body());
    seen.put("run", owner.get("/api/v1/backtests/" + ids.get("backtests")).body());
    seen.put("trades", owner.get("/api/v1/backtests/" + ids.get("backtests") + "/trades").body());
    seen.put("optimization", owner.get(OPTIMIZE + "/" + ids.get("optimizations")).body());
    seen.put("walk-forward", owner.get(WALK_FORWARD + "/" + ids.get("walk-forwards")).body());
    seen.put("keys", owner.get("/api/v1/api-keys").body());
    seen.put("import", owner.get("/api/v1/data/imports/" + ids.get("data")).body());
    seen.put("strategies", owner.get("/api/v1/strategies").body());
    seen.put("runs", owner.get("/api/v1/backtests").body());
    seen.put("universe", owner.get("/api/v1/universes/" + ids.get("universes")).body());
    seen.put(
        "monte-carlo",
        owner
            .get(
                "/api/v1/backtests/"
                    + ids.get("backtests")
                    + "/monte-carlo/"
                    + ids.get("monte-carlo"))
            .json()
            .path("id")
            .asString());
    return seen;
  }

  private static void awaitOptimization(RunClient owner, String id) {
    awaitCompleted(owner, OPTIMIZE + "/" + id);
  }

  private static void awaitCompleted(RunClient owner, String path) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!owner.get(path).json().path("status").asString().equals("completed")) {
      assertThat(System.nanoTime()).as(path + " completes").isLessThan(deadline);
      RunClient.sleep(200);
    }
  }

  /** The kind of resource a path's {id} names, by the path's first segment after /api/v1. */
  private static String resourceOf(String path) {
    if (path.startsWith(OPTIMIZE + "/")) {
      return "optimizations";
    }
    if (path.startsWith(WALK_FORWARD + "/")) {
      return "walk-forwards";
    }
    String first = path.substring("/api/v1/".length()).split("/", 2)[0];
    return switch (first) {
      case "strategies", "backtests", "api-keys", "universes" -> first;
      case "data" -> path.startsWith("/api/v1/data/imports/") ? "data" : null;
      default -> null;
    };
  }

  /** A well-formed body, so that an answer other than 404 cannot hide behind a 422. */
  private static Map<String, Object> bodyFor(String path) {
    if (path.startsWith("/api/v1/strategies/")) {
      return Map.of("name", "taken over", "code", SIMPLE);
    }
    if (path.startsWith("/api/v1/universes/")) {
      return Map.of("name", "taken over", "symbols", List.of("SPY"));
    }
    if (path.equals("/api/v1/backtests/{id}")) {
      return Map.of("name", "taken over");
    }
    return Map.of();
  }

  /** Every operation of the served OpenAPI document, as "method path". */
  private List<String> operations() {
    JsonNode paths = api.get("/api/v1/openapi.json").json().path("paths");
    List<String> operations = new ArrayList<>();
    for (String path : paths.propertyNames()) {
      for (String method : paths.path(path).propertyNames()) {
        if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
          operations.add(method + " " + path);
        }
      }
    }
    return operations;
  }

  private Response call(String method, String url, Map<String, Object> body, String... headers) {
    return switch (method) {
      case "get" -> api.get(url, headers);
      case "delete" -> api.delete(url, headers);
      case "put" -> api.put(url, body, headers);
      case "patch" -> api.patch(url, body, headers);
      case "post" ->
          url.equals("/api/v1/data/import") && headers.length == 0
              ? Multipart.upload(port, json, null, "x.csv", "date,close\n", Map.of())
              : api.post(url, body, headers);
      default -> api.request(method.toUpperCase(java.util.Locale.ROOT), url, headers);
    };
  }
}
