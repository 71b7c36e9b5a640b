package com.tradingbacktest.app.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A thin real-HTTP client for integration tests: no mocks between the test and the server. */
public final class Api {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String base;
  private final JsonMapper json;

  public Api(String base, JsonMapper json) {
    this.base = base;
    this.json = json;
  }

  public Response get(String path, String... headers) {
    return send(builder(path, headers).GET());
  }

  public Response delete(String path, String... headers) {
    return send(builder(path, headers).DELETE());
  }

  public Response post(String path, Object body, String... headers) {
    return send(withBody("POST", path, body, headers));
  }

  public Response put(String path, Object body, String... headers) {
    return send(withBody("PUT", path, body, headers));
  }

  public Response patch(String path, Object body, String... headers) {
    return send(withBody("PATCH", path, body, headers));
  }

  public Response request(String method, String path, String... headers) {
    return send(builder(path, headers).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  /** Creates an API key for the user signed in with {@code tokens} and returns the key. */
  public String createApiKey(JsonNode tokens, String name) {
    Response response =
        post("/api/v1/api-keys", Map.of("name", name), "Authorization", bearer(tokens));
    if (response.status() != 201) {
      throw new AssertionError("creating an API key failed: " + response);
    }
    return response.json().path("key").asString();
  }

  /** Registers a fresh user and returns its token response. */
  public JsonNode registerUser(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    Response response =
        post(
            "/api/v1/auth/register",
            Map.of("email", name + "@example.com", "username", name, "password", "s3cret-pass"));
    if (response.status() != 201) {
      throw new AssertionError("registration failed: " + response.status() + " " + response.body());
    }
    return response.json();
  }

  /** A JSON body unless {@code body} is already text, sent as JSON unless the headers say else. */
  private HttpRequest.Builder withBody(String method, String path, Object body, String... headers) {
    String text = body instanceof String s ? s : json.writeValueAsString(body);
    HttpRequest.Builder b =
        builder(path, headers).method(method, HttpRequest.BodyPublishers.ofString(text));
    if (!hasHeader(headers, "Content-Type")) {
      b.header("Content-Type", "application/json");
    }
    return b;
  }

  private HttpRequest.Builder builder(String path, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  private static boolean hasHeader(String[] headers, String name) {
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private Response send(HttpRequest.Builder request) {
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

  public record Response(
      int status, Map<String, java.util.List<String>> headers, String body, JsonMapper mapper) {

    public JsonNode json() {
      return mapper.readTree(body);
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }

    public java.util.List<String> allHeaders(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .toList();
    }

    /** The value of a Set-Cookie of this name, or null. */
    public String cookie(String name) {
      return allHeaders("Set-Cookie").stream()
          .filter(c -> c.startsWith(name + "="))
          .map(
              c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
          .findFirst()
          .orElse(null);
    }

    public String setCookieHeader(String name) {
      return allHeaders("Set-Cookie").stream()
          .filter(c -> c.startsWith(name + "="))
          .findFirst()
          .orElse(null);
    }

    /** The field of each error in a validation problem, in the problem's order. */
    public java.util.List<String> errorFields() {
      return json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    /** The messages of a validation problem's errors about {@code field}, in order. */
    public java.util.List<String> errorMessages(String field) {
      return json()
          .path("errors")
          .valueStream()
          .filter(e -> e.path("field").asString().equals(field))
          .map(e -> e.path("message").asString())
          .toList();
    }

    /** The problem type of an error response. */
    public String problemType() {
      return json().path("type").asString();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  public static String bearer(JsonNode tokens) {
    return "Bearer " + tokens.path("access_token").asString();
  }
}
