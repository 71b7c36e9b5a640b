package com.tradingbacktest.app.auth;

import static com.tradingbacktest.app.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ApiKeyIntegrationTests extends IntegrationTest {

  @Autowired JdbcClient jdbc;

  @Test
  void apiKeyAuthenticatesAsItsOwnerUntilRevoked() {
    JsonNode owner = api.registerUser("keys");
    String session = bearer(owner);

    Response created =
        api.post("/api/v1/api-keys", Map.of("name", "notebook"), "Authorization", session);
    assertThat(created.status()).isEqualTo(201);
    String key = created.json().path("key").asString();
    String id = created.json().path("api_key").path("id").asString();
    assertThat(key).startsWith(created.json().path("api_key").path("prefix").asString() + "_");
    assertThat(created.header("Location")).isEqualTo("/api/v1/api-keys/" + id);

    Response me = api.get("/api/v1/auth/me", "X-API-Key", key);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().path("id").asString()).isEqualTo(owner.path("user").path("id").asString());

    assertThat(api.delete("/api/v1/api-keys/" + id, "Authorization", session).status())
        .isEqualTo(204);

    Response afterRevoke = api.get("/api/v1/auth/me", "X-API-Key", key);
    assertThat(afterRevoke.status()).isEqualTo(401);
    assertThat(afterRevoke.problemType()).isEqualTo("/problems/invalid-api-key");
  }

  @Test
  void listsKeysByPrefixWithoutTheSecret() {
    JsonNode owner = api.registerUser("list");
    String session = bearer(owner);
    JsonNode one =
        api.post(
                "/api/v1/api-keys",
                Map.of("name", "one", "expires_in_days", 30),
                "Authorization",
                session)
            .json();
    String key = one.path("key").asString();
    api.post("/api/v1/api-keys", Map.of("name", "two"), "Authorization", session);

    Response list = api.get("/api/v1/api-keys", "Authorization", session);

    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json()).hasSize(2);
    assertThat(list.body()).doesNotContain(key).doesNotContain("\"key\"");
    assertThat(list.json().get(0).path("name").asString()).isEqualTo("two");
    assertThat(list.json().get(1).path("expires_at").isNull()).isFalse();
    byte[] stored =
        jdbc.sql("select key_hash from api_keys where name = 'one' and prefix = ?")
            .param(one.path("api_key").path("prefix").asString())
            .query(byte[].class)
            .single();
    assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(key);
  }

  @Test
  void anApiKeyCannotManageKeys() {
    JsonNode owner = api.registerUser("mint");
    String key = api.createApiKey(owner, "script");

    Response mint = api.post("/api/v1/api-keys", Map.of("name", "escalate"), "X-API-Key", key);

    assertThat(mint.status()).isEqualTo(403);
    assertThat(mint.problemType()).isEqualTo("/problems/forbidden");
  }

  @Test
  void someoneElsesKeyIsNotFound() {
    JsonNode alice = api.registerUser("alice");
    JsonNode mallory = api.registerUser("mallory");
    String id =
        api.post("/api/v1/api-keys", Map.of("name", "alice's"), "Authorization", bearer(alice))
            .json()
            .path("api_key")
            .path("id")
            .asString();

    Response revoke = api.delete("/api/v1/api-keys/" + id, "Authorization", bearer(mallory));

    assertThat(revoke.status()).isEqualTo(404);
    assertThat(api.get("/api/v1/api-keys", "Authorization", bearer(mallory)).json()).isEmpty();
    assertThat(
            api.get("/api/v1/api-keys", "Authorization", bearer(alice))
                .json()
                .get(0)
                .path("revoked_at")
                .isNull())
        .isTrue();
  }

  @Test
  void rejectsAnUnknownKey() {
    Response response = api.get("/api/v1/auth/me", "X-API-Key", "tb_00000000_forged");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.problemType()).isEqualTo("/problems/invalid-api-key");
  }

  @Test
  void validatesTheKeyRequest() {
    JsonNode owner = api.registerUser("badkey");

    Response response =
        api.post(
            "/api/v1/api-keys",
            Map.of("name", "", "expires_in_days", 0),
            "Authorization",
            bearer(owner));

    assertThat(response.status()).isEqualTo(422);
    assertThat(response.body()).contains("\"field\":\"expires_in_days\"", "\"field\":\"name\"");
  }
}
