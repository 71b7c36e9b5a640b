package com.tradingbacktest.app.strategy;

import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.Api.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The strategy endpoints over real HTTP, for one signed-in user. */
final class StrategyClient {

  static final String PATH = "/api/v1/strategies";

  static final String SMA_CROSS =
      """
      param fast = 10 in 2..100 step 1
      param slow = 30 in 5..300 step 5
      long_entry = crossover(sma(close, fast), sma(close, slow))
      long_exit = crossunder(sma(close, fast), sma(close, slow))
      """;

  static final String NO_PARAMS =
      """
      long_entry = close > sma(close, 20)
      long_exit = close < sma(close, 20)
      """;

  /** Two errors: line 1 column 5 (unknown function), line 2 column 14 (unknown name). */
  static final String BROKEN = "x = smaa(close, 10)\nlong_entry = foo > 1\n";

  private final Api api;
  private final String[] auth;

  StrategyClient(Api api, String... auth) {
    this.api = api;
    this.auth = auth;
  }

  static StrategyClient withToken(Api api, JsonNode tokens) {
    return new StrategyClient(api, "Authorization", Api.bearer(tokens));
  }

  /** A client for a user registered just now. */
  static StrategyClient signUp(Api api, String prefix) {
    return withToken(api, api.registerUser(prefix));
  }

  /** How many strategies the database holds for this user, to check what a request stored. */
  static long countOwnedBy(JdbcClient jdbc, JsonNode user) {
    return jdbc.sql("select count(*) from strategies where user_id = ?")
        .param(UUID.fromString(userId(user)))
        .query(Long.class)
        .single();
  }

  static String userId(JsonNode tokens) {
    return tokens.path("user").path("id").asString();
  }

  static Map<String, Object> body(String name, String code, Boolean isPublic) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("code", code);
    if (isPublic != null) {
      body.put("is_public", isPublic);
    }
    return body;
  }

  Response create(Object body) {
    return api.post(PATH, body, auth);
  }

  /** Creates a strategy that must succeed and returns it. */
  JsonNode created(String name, String code, boolean isPublic) {
    Response response = create(body(name, code, isPublic));
    if (response.status() != 201) {
      throw new AssertionError("create failed: " + response);
    }
    return response.json();
  }

  JsonNode created(String name) {
    return created(name, SMA_CROSS, false);
  }

  Response get(String path) {
    return api.get(path.startsWith("/") ? path : PATH + "/" + path, auth);
  }

  Response list(String query) {
    return api.get(PATH + (query.isEmpty() ? "" : "?" + query), auth);
  }

  Response put(String id, Object body) {
    return api.put(PATH + "/" + id, body, auth);
  }

  String[] auth() {
    return auth.clone();
  }

  Response delete(String id) {
    return api.delete(PATH + "/" + id, auth);
  }

  Response copy(String id) {
    return api.post(PATH + "/" + id + "/copy", "", auth);
  }

  Response validate(String code) {
    return api.post(PATH + "/validate", Map.of("code", code), auth);
  }
}
