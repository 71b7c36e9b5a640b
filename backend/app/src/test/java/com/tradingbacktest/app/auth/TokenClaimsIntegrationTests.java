package com.tradingbacktest.app.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import tools.jackson.databind.JsonNode;

/**
 * Tokens signed with the app's own key but not as the app issues them: each is refused with a 401
 * problem document, never accepted for ever and never a 500.
 */
class TokenClaimsIntegrationTests extends IntegrationTest {

  @Autowired JwtEncoder encoder;
  @Autowired AuthSettings settings;

  @Test
  void aTokenAsTheAppIssuesItIsAccepted() {
    JsonNode user = api.registerUser("claims");

    Response me = me(token(userId(user), claims -> claims));

    assertThat(me.status()).as(me.toString()).isEqualTo(200);
  }

  @Test
  void aTokenWithoutAnExpiryIsRefused() {
    JsonNode user = api.registerUser("claims");

    Response me = me(token(userId(user), claims -> claims.claims(all -> all.remove("exp"))));

    assertRefused(me);
  }

  @Test
  void aTokenWhoseSubjectIsNoUserIdIsRefused() {
    Response me = me(token("not-a-uuid", claims -> claims));

    assertRefused(me);
  }

  @Test
  void aTokenForAUserThatDoesNotExistIsRefused() {
    String nobody = UUID.randomUUID().toString();

    assertRefused(me(token(nobody, claims -> claims)));
    Response create =
        api.post(
            "/api/v1/strategies",
            Map.of(
                "name", "ghost", "code", "long_entry = close > open\nlong_exit = close < open\n"),
            "Authorization",
            "Bearer " + token(nobody, claims -> claims));
    assertRefused(create);
  }

  private Response me(String token) {
    return api.get("/api/v1/auth/me", "Authorization", "Bearer " + token);
  }

  private static void assertRefused(Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(401);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  private static String userId(JsonNode tokens) {
    return tokens.path("user").path("id").asString();
  }

  private String token(String subject, UnaryOperator<JwtClaimsSet.Builder> change) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer(settings.issuer())
            .subject(subject)
            .issuedAt(now)
            .expiresAt(now.plusSeconds(600))
            .id(UUID.randomUUID().toString())
            .claim(AccessTokenIssuer.USERNAME_CLAIM, "someone");
    JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
    return encoder
        .encode(JwtEncoderParameters.from(header, change.apply(claims).build()))
        .getTokenValue();
  }
}
