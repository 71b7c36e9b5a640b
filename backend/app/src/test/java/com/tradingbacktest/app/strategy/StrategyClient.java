package com.tradingbacktest.app.strategy;

import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.Api.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The strategy endpoints over real HTTP, for one signed-in user (Api has no PUT with a body). */
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

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Api api;
  private final String base;
  private final JsonMapper json;
  private final String[] auth;

  StrategyClient(Api api, int port, JsonMapper json, String... auth) {
    this.api = api;
    this.base = "http://localhost:" + port;
    this.json = json;
    this.auth = auth;
  }

  static StrategyClient withToken(Api api, int port, JsonMapper json, JsonNode tokens) {
    return new StrategyClient(api, port, json, "Authorization", Api.bearer(tokens));
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
    String text = body instanceof String s ? s : json.writeValueAsString(body);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + PATH + "/" + id))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(text));
    for (int i = 0; i + 1 < auth.length; i += 2) {
      request.header(auth[i], auth[i + 1]);
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body(), json);
    } catch (IOException e) {
      throw new AssertionError("request failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
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
