package com.tradingbacktest.app.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input is answered with a precise problem document and nothing internal. */
class InputValidationIntegrationTests extends IntegrationTest {

  @Test
  void namesEveryMissingField() {
    Response response = api.post("/api/v1/auth/register", "{}");

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.problemType()).isEqualTo("/problems/validation-failed");
    assertThat(fields(response)).containsExactlyInAnyOrder("email", "username", "password");
    assertNoInternals(response);
  }

  @Test
  void explainsEachRuleABadValueBreaks() {
    Response response =
        api.post(
            "/api/v1/auth/register",
            Map.of("email", "not-an-email", "username", "has space", "password", "short"));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.errorMessages("email")).containsExactly("must be a valid email address");
    assertThat(response.errorMessages("username"))
        .containsExactly("may not contain spaces, control characters or @");
    assertThat(response.errorMessages("password"))
        .contains("must be 8 to 72 characters", "must contain at least one letter and one digit");
  }

  @Test
  void rejectsAPasswordLongerThanBcryptReads() {
    String password = "비밀번호1".repeat(8); // 8 x 13 bytes in UTF-8, 48 characters
    Response response =
        api.post(
            "/api/v1/auth/register",
            Map.of("email", "long@example.com", "username", "longpass", "password", password));

    assertThat(response.status()).isEqualTo(422);
    assertThat(fields(response)).containsExactly("password");
    assertThat(response.json().path("detail").asString()).contains("72 bytes");
  }

  @Test
  void rejectsMalformedJson() {
    Response response = api.post("/api/v1/auth/login", "{\"login\": \"a\", ");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.problemType()).isEqualTo("/problems/malformed-request");
    assertThat(response.json().path("detail").asString())
        .isEqualTo("The request body is not valid JSON.");
    assertNoInternals(response);
  }

  @Test
  void namesAFieldOfTheWrongType() {
    Response direct =
        api.post("/api/v1/auth/login", "{\"login\": {\"a\": 1}, \"password\": \"x\"}");

    assertThat(direct.status()).isEqualTo(400);
    assertThat(direct.json().path("detail").asString())
        .isEqualTo("Field 'login' has the wrong type: expected a string.");
    assertThat(fields(direct)).containsExactly("login");
  }

  @Test
  void rejectsAMissingBody() {
    Response response = api.post("/api/v1/auth/login", "");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("detail").asString()).isEqualTo("The request body is missing.");
  }

  @Test
  void rejectsAnOversizedBodyWith413() {
    String huge = "{\"login\": \"" + "a".repeat(1_100_000) + "\", \"password\": \"x\"}";

    Response response = api.post("/api/v1/auth/login", huge);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.problemType()).isEqualTo("/problems/payload-too-large");
  }

  @Test
  void rejectsAnOversizedChunkedBodyWhileReading() {
    String huge = "{\"login\": \"" + "a".repeat(1_100_000) + "\", \"password\": \"x\"}";
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/v1/auth/login"))
            .header("Content-Type", "application/json")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                    () ->
                        new java.io.ByteArrayInputStream(
                            huge.getBytes(UTF_8)))) // no length: chunked
            .build();

    int status;
    try {
      status =
          java.net.http.HttpClient.newHttpClient()
              .send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
              .statusCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }

    assertThat(status).isEqualTo(413);
  }

  @Test
  void rejectsAnUnsupportedMediaType() {
    Response response = api.post("/api/v1/auth/login", "login=a", "Content-Type", "text/plain");

    assertThat(response.status()).isEqualTo(415);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertNoInternals(response);
  }

  @Test
  void answersAnUnknownForeignOrMalformedIdWith404() {
    JsonNode tokens = api.registerUser("ids");
    String auth = com.tradingbacktest.app.support.Api.bearer(tokens);

    Response unknown =
        api.delete("/api/v1/api-keys/" + java.util.UUID.randomUUID(), "Authorization", auth);
    Response malformed = api.delete("/api/v1/api-keys/not-a-uuid", "Authorization", auth);

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(malformed.problemType()).isEqualTo("/problems/not-found");
  }

  @Test
  void echoesTheRequestIdInHeaderAndProblem() {
    Response response = api.post("/api/v1/auth/login", "{}", "X-Request-Id", "trace-1234567890");

    assertThat(response.header("X-Request-Id")).isEqualTo("trace-1234567890");
    assertThat(response.json().path("request_id").asString()).isEqualTo("trace-1234567890");
    Response generated = api.post("/api/v1/auth/login", "{}", "X-Request-Id", "bad id with spaces");
    assertThat(generated.header("X-Request-Id")).isNotEqualTo("bad id with spaces").hasSize(36);
  }

  /** Each field a validation problem names, once however many errors it has. */
  private static List<String> fields(Response response) {
    return response.errorFields().stream().distinct().toList();
  }

  static void assertNoInternals(Response response) {
    assertThat(response.body())
        .doesNotContain("Exception", "at com.", "at org.", "jackson", "SQL", "tradingbacktest");
  }
}
