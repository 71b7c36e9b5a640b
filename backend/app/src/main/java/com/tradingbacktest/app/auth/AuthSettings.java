package com.tradingbacktest.app.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings, all from the environment (see .env.example).
 *
 * @param jwtSecret JWT_SECRET: HMAC key for access tokens, at least 32 bytes (base64 or plain
 *     text); when empty with the embedded database, one is generated and kept in the data folder
 * @param issuer the {@code iss} claim of access tokens
 * @param accessTokenTtl JWT_ACCESS_TTL: lifetime of an access token
 * @param refreshTokenTtl REFRESH_TOKEN_TTL: lifetime of a refresh token (each rotation starts anew)
 * @param bcryptStrength BCRYPT_STRENGTH: log2 of bcrypt rounds
 * @param loginAttemptsPerIpPerMinute LOGIN_RATE_LIMIT_PER_IP: login attempts one address may make a
 *     minute
 * @param failedLoginsPerAccount LOGIN_RATE_LIMIT_PER_ACCOUNT: failed logins one account tolerates
 *     per window
 * @param failedLoginWindow the window of {@code failedLoginsPerAccount}
 * @param registrationsPerIpPerHour REGISTER_RATE_LIMIT_PER_IP: sign-ups one address may make an
 *     hour
 * @param adminUsernames ADMIN_USERNAMES: comma-separated usernames of the administrators, who may
 *     upload shared market data ({@link Administrators}); with the embedded database the first
 *     account is one too
 */
@ConfigurationProperties("tb.auth")
record AuthSettings(
    String jwtSecret,
    @DefaultValue("trading-backtest") String issuer,
    @DefaultValue("15m") Duration accessTokenTtl,
    @DefaultValue("30d") Duration refreshTokenTtl,
    @DefaultValue("10") int bcryptStrength,
    @DefaultValue("20") int loginAttemptsPerIpPerMinute,
    @DefaultValue("10") int failedLoginsPerAccount,
    @DefaultValue("15m") Duration failedLoginWindow,
    @DefaultValue("20") int registrationsPerIpPerHour,
    @DefaultValue("") java.util.List<String> adminUsernames) {}
