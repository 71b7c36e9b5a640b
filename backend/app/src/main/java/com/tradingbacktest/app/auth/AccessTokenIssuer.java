package com.tradingbacktest.app.auth;

import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs short-lived access tokens: subject = user id, plus the username for display. */
@Component
class AccessTokenIssuer {

  static final String USERNAME_CLAIM = "username";

  private final JwtEncoder encoder;
  private final AuthSettings settings;

  AccessTokenIssuer(JwtEncoder encoder, AuthSettings settings) {
    this.encoder = encoder;
    this.settings = settings;
  }

  String issue(UUID userId, String username, Instant now) {
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(settings.issuer())
            .subject(userId.toString())
            .issuedAt(now)
            .expiresAt(now.plus(settings.accessTokenTtl()))
            .id(UUID.randomUUID().toString())
            .claim(USERNAME_CLAIM, username)
            .build();
    JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }

  long ttlSeconds() {
    return settings.accessTokenTtl().toSeconds();
  }
}
