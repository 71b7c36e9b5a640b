package com.tradingbacktest.app.auth;

import static com.tradingbacktest.app.support.Api.bearer;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class AuthIntegrationTests extends IntegrationTest {

  @Autowired AccessTokenIssuer issuer;

  @Autowired JdbcClient jdbc;

  @Test
  void registersAndSignsIn() {
    String name = "alice_" + suffix();
    Response response =
        api.post(
            "/api/v1/auth/register",
            Map.of(
                "email",
                "Alice." + name + "@Example.com",
                "username",
                name,
                "password",
                "s3cret-pass"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("Location")).isEqualTo("/api/v1/auth/me");
    JsonNode body = response.json();
    assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
    assertThat(body.path("expires_in").asLong()).isEqualTo(900);
    assertThat(body.path("refresh_token").asString()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(body.path("user").path("email").asString())
        .isEqualTo("alice." + name.toLowerCase(Locale.ROOT) + "@example.com");
    assertThat(body.path("user").path("username").asString()).isEqualTo(name);
    assertThat(body.path("user").has("password_hash")).isFalse();

    String stored =
        jdbc.sql("select password_hash from users where username = ?")
            .param(name)
            .query(String.class)
            .single();
    assertThat(stored).startsWith("$2a$").doesNotContain("s3cret-pass");
  }

  @Test
  void setsTheRefreshTokenAsAStrictHttpOnlyCookieScopedToAuth() {
    Response response = api.post("/api/v1/auth/register", newUser());

    String refresh = response.setCookieHeader("tb_refresh");
    assertThat(refresh)
        .contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/api/v1/auth", "Max-Age=2592000");
    assertThat(response.cookie("tb_refresh"))
        .isEqualTo(response.json().path("refresh_token").asString());
    String csrf = response.setCookieHeader("tb_csrf");
    assertThat(csrf).contains("Secure", "SameSite=Strict", "Path=/").doesNotContain("HttpOnly");
    assertThat(response.header("Cache-Control")).contains("no-store");
  }

  @Test
  void logsInByEmailOrUsernameIgnoringCase() {
    Map<String, String> user = newUser();
    api.post("/api/v1/auth/register", user);

    Response byEmail = login(user.get("email").toUpperCase(Locale.ROOT), user.get("password"));
    Response byUsername =
        login(user.get("username").toUpperCase(Locale.ROOT), user.get("password"));

    assertThat(byEmail.status()).isEqualTo(200);
    assertThat(byUsername.status()).isEqualTo(200);
    assertThat(byUsername.json().path("user").path("username").asString())
        .isEqualTo(user.get("username"));
  }

  @Test
  void meReturnsTheSignedInUser() {
    JsonNode tokens = api.registerUser("me");

    Response me = api.get("/api/v1/auth/me", "Authorization", bearer(tokens));

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().path("id").asString())
        .isEqualTo(tokens.path("user").path("id").asString());
    assertThat(me.json().path("created_at").asString()).isNotBlank();
  }

  @Test
  void rejectsAWrongPasswordAndAnUnknownAccountAlike() {
    Map<String, String> user = newUser();
    api.post("/api/v1/auth/register", user);

    Response wrongPassword = login(user.get("username"), "not-the-password1");
    Response unknown = login("nobody_" + suffix(), "not-the-password1");

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(wrongPassword.problemType()).isEqualTo("/problems/invalid-credentials");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.json().path("detail").asString())
        .isEqualTo(wrongPassword.json().path("detail").asString());
  }

  @Test
  void rejectsADuplicateEmailOrUsernameWith409() {
    Map<String, String> user = newUser();
    api.post("/api/v1/auth/register", user);

    Response sameEmail =
        api.post(
            "/api/v1/auth/register",
            Map.of(
                "email",
                user.get("email").toUpperCase(Locale.ROOT),
                "username",
                "other_" + suffix(),
                "password",
                "s3cret-pass"));
    Response sameUsername =
        api.post(
            "/api/v1/auth/register",
            Map.of(
                "email",
                suffix() + "@example.com",
                "username",
                user.get("username").toUpperCase(Locale.ROOT),
                "password",
                "s3cret-pass"));

    assertThat(sameEmail.status()).isEqualTo(409);
    assertThat(sameEmail.problemType()).isEqualTo("/problems/email-taken");
    assertThat(sameUsername.status()).isEqualTo(409);
    assertThat(sameUsername.problemType()).isEqualTo("/problems/username-taken");
  }

  @Test
  void storesAndReturnsASqlLookingUsernameLiterally() {
    String username = "x');DROP/**/TABLE/**/users;--" + suffix().substring(0, 2);
    Response response =
        api.post(
            "/api/v1/auth/register",
            Map.of(
                "email",
                "sql_" + suffix() + "@example.com",
                "username",
                username,
                "password",
                "s3cret-pass"));

    assertThat(response.status()).isEqualTo(201);
    Response me = api.get("/api/v1/auth/me", "Authorization", bearer(response.json()));
    assertThat(me.json().path("username").asString()).isEqualTo(username);
    Response login = login(username, "s3cret-pass");
    assertThat(login.status()).isEqualTo(200);
    assertThat(jdbc.sql("select count(*) from users").query(Long.class).single()).isPositive();
  }

  @Test
  void rotatesTheRefreshTokenOnEveryUse() {
    JsonNode tokens = api.registerUser("rotate");
    String first = tokens.path("refresh_token").asString();

    Response refreshed = refresh(first);

    assertThat(refreshed.status()).isEqualTo(200);
    String second = refreshed.json().path("refresh_token").asString();
    assertThat(second).isNotEqualTo(first);
    assertThat(api.get("/api/v1/auth/me", "Authorization", bearer(refreshed.json())).status())
        .isEqualTo(200);
    assertThat(refresh(second).status()).isEqualTo(200);
  }

  @Test
  void rejectsReusedRefreshTokenAndRevokesItsFamily() {
    JsonNode tokens = api.registerUser("reuse");
    String stolen = tokens.path("refresh_token").asString();
    String current = refresh(stolen).json().path("refresh_token").asString();

    Response replay = refresh(stolen);

    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.problemType()).isEqualTo("/problems/refresh-token-reused");
    Response legitimate = refresh(current);
    assertThat(legitimate.status()).isEqualTo(401);
    // Another login (another family) is unaffected.
    JsonNode otherSession =
        login(tokens.path("user").path("username").asString(), "s3cret-pass").json();
    assertThat(refresh(otherSession.path("refresh_token").asString()).status()).isEqualTo(200);
  }

  @Test
  void rejectsAnUnknownRefreshToken() {
    Response response = refresh("made-up-token");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.problemType()).isEqualTo("/problems/invalid-refresh-token");
  }

  @Test
  void refreshByCookieRequiresTheCsrfToken() {
    Response registered = api.post("/api/v1/auth/register", newUser());
    String refresh = registered.cookie("tb_refresh");
    String csrf = registered.cookie("tb_csrf");
    String cookies = "tb_refresh=" + refresh + "; tb_csrf=" + csrf;

    Response withoutHeader = api.post("/api/v1/auth/refresh", "", "Cookie", cookies);
    Response wrongHeader =
        api.post("/api/v1/auth/refresh", "", "Cookie", cookies, "X-CSRF-Token", "forged");
    Response withHeader =
        api.post("/api/v1/auth/refresh", "", "Cookie", cookies, "X-CSRF-Token", csrf);

    assertThat(withoutHeader.status()).isEqualTo(403);
    assertThat(withoutHeader.problemType()).isEqualTo("/problems/csrf-token-invalid");
    assertThat(wrongHeader.status()).isEqualTo(403);
    assertThat(withHeader.status()).isEqualTo(200);
    assertThat(withHeader.cookie("tb_refresh")).isNotEqualTo(refresh);
  }

  @Test
  void logoutEndsTheSessionAndClearsTheCookies() {
    JsonNode tokens = api.registerUser("logout");
    String refresh = tokens.path("refresh_token").asString();

    Response logout = api.post("/api/v1/auth/logout", Map.of("refresh_token", refresh));

    assertThat(logout.status()).isEqualTo(204);
    assertThat(logout.setCookieHeader("tb_refresh")).contains("Max-Age=0");
    assertThat(refresh(refresh).status()).isEqualTo(401);
  }

  @Test
  void logoutByCookieRequiresTheCsrfToken() {
    Response registered = api.post("/api/v1/auth/register", newUser());
    String refresh = registered.cookie("tb_refresh");
    String cookies = "tb_refresh=" + refresh + "; tb_csrf=" + registered.cookie("tb_csrf");

    assertThat(api.post("/api/v1/auth/logout", "", "Cookie", cookies).status()).isEqualTo(403);
    assertThat(refresh(refresh).status()).isEqualTo(200);
    Response withHeader =
        api.post(
            "/api/v1/auth/logout",
            "",
            "Cookie",
            "tb_refresh=" + refresh + "; tb_csrf=c",
            "X-CSRF-Token",
            "c");
    assertThat(withHeader.status()).isEqualTo(204);
  }

  @Test
  void rejectsAnExpiredAccessToken() {
    JsonNode tokens = api.registerUser("expired");
    UUID id = UUID.fromString(tokens.path("user").path("id").asString());
    String expired = issuer.issue(id, "expired", Instant.now().minusSeconds(3600));

    Response response = api.get("/api/v1/auth/me", "Authorization", "Bearer " + expired);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.problemType()).isEqualTo("/problems/invalid-token");
    assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
  }

  @Test
  void rejectsATamperedAccessToken() {
    JsonNode tokens = api.registerUser("tamper");
    String token = tokens.path("access_token").asString();
    String[] parts = token.split("\\.", -1);
    // Claim to be someone else, keeping the original signature.
    String forgedPayload =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), UTF_8)
                    .replace(
                        tokens.path("user").path("id").asString(), UUID.randomUUID().toString())
                    .getBytes(UTF_8));
    String forged = parts[0] + "." + forgedPayload + "." + parts[2];

    assertThat(api.get("/api/v1/auth/me", "Authorization", "Bearer " + forged).status())
        .isEqualTo(401);
    assertThat(api.get("/api/v1/auth/me", "Authorization", "Bearer " + token + "x").status())
        .isEqualTo(401);
    assertThat(api.get("/api/v1/auth/me", "Authorization", "Bearer not.a.jwt").status())
        .isEqualTo(401);
    assertThat(api.get("/api/v1/auth/me").status()).isEqualTo(401);
  }

  @Test
  void rejectsAnUnsignedAccessToken() {
    JsonNode tokens = api.registerUser("none");
    String[] parts = tokens.path("access_token").asString().split("\\.", -1);
    String header =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(UTF_8));

    assertThat(
            api.get("/api/v1/auth/me", "Authorization", "Bearer " + header + "." + parts[1] + ".")
                .status())
        .isEqualTo(401);
  }

  private Response login(String login, String password) {
    return api.post("/api/v1/auth/login", Map.of("login", login, "password", password));
  }

  private Response refresh(String refreshToken) {
    return api.post("/api/v1/auth/refresh", Map.of("refresh_token", refreshToken));
  }

  private static Map<String, String> newUser() {
    String name = "user_" + suffix();
    return Map.of("email", name + "@example.com", "username", name, "password", "s3cret-pass");
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
