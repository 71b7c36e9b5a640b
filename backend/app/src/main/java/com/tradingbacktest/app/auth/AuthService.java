package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.error.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-up, login, refresh-token rotation and logout. */
@Service
class AuthService {

  private static final Logger log = LoggerFactory.getLogger(AuthService.class);
  private static final int REFRESH_TOKEN_BYTES = 32;

  private final UserRepository users;
  private final RefreshTokenRepository refreshTokens;
  private final PasswordEncoder passwordEncoder;
  private final AccessTokenIssuer accessTokens;
  private final AuthRateLimiter rateLimiter;
  private final AuthSettings settings;
  private final Administrators administrators;
  private final Clock clock;

  /** Checked against when the account does not exist, so both failures take the same time. */
  private final String decoyHash;

  AuthService(
      UserRepository users,
      RefreshTokenRepository refreshTokens,
      PasswordEncoder passwordEncoder,
      AccessTokenIssuer accessTokens,
      AuthRateLimiter rateLimiter,
      AuthSettings settings,
      Administrators administrators,
      Clock clock) {
    this.users = users;
    this.refreshTokens = refreshTokens;
    this.passwordEncoder = passwordEncoder;
    this.accessTokens = accessTokens;
    this.rateLimiter = rateLimiter;
    this.settings = settings;
    this.administrators = administrators;
    this.clock = clock;
    this.decoyHash = passwordEncoder.encode(Secrets.randomToken(16));
  }

  @Transactional
  public Session register(RegisterRequest request, ClientInfo client) {
    rateLimiter.beforeRegistration(client.ip());
    String email = request.email().trim().toLowerCase(Locale.ROOT);
    String username = request.username();
    if (request.password().getBytes(StandardCharsets.UTF_8).length > 72) {
      throw new FieldValidationException(
          "password",
          "must be at most 72 bytes in UTF-8 (bcrypt ignores the rest); use fewer non-Latin characters");
    }
    if (request.password().equalsIgnoreCase(username)
        || request.password().equalsIgnoreCase(email)) {
      throw new FieldValidationException("password", "must differ from your username and email");
    }
    if (users.existsByEmail(email)) {
      throw new EmailAlreadyRegistered();
    }
    if (users.existsByUsername(username)) {
      throw new UsernameTaken();
    }
    Instant now = clock.instant();
    UserAccount user =
        UserAccount.register(email, username, passwordEncoder.encode(request.password()), now);
    try {
      users.saveAndFlush(user);
    } catch (DataIntegrityViolationException race) {
      // Someone registered the same name between the check and the insert.
      throw users.existsByEmail(email) ? new EmailAlreadyRegistered() : new UsernameTaken();
    }
    log.info("Registered user {}", user.getId());
    return startSession(user, UUID.randomUUID(), client, now);
  }

  @Transactional
  public Session login(LoginRequest request, ClientInfo client) {
    String login = request.login().trim();
    rateLimiter.beforeLogin(client.ip(), login);
    UserAccount user = users.findByEmailOrUsername(login).orElse(null);
    if (user != null) {
      rateLimiter.beforePasswordCheck(user.getId());
    }
    String hash = user != null ? user.passwordHash() : decoyHash;
    boolean matches = passwordEncoder.matches(request.password(), hash);
    if (user == null || !matches) {
      rateLimiter.loginFailed(login, user != null ? user.getId() : null);
      throw new InvalidCredentials();
    }
    return startSession(user, UUID.randomUUID(), client, clock.instant());
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already rotated ends its whole
   * family; that revocation must survive the exception, hence {@code noRollbackFor}.
   */
  @Transactional(noRollbackFor = RefreshTokenReused.class)
  public Session refresh(String presented, ClientInfo client) {
    Instant now = clock.instant();
    RefreshToken token =
        refreshTokens
            .findByHashForUpdate(Secrets.sha256(presented))
            .orElseThrow(() -> new InvalidRefreshToken("The refresh token is not valid."));
    if (token.isRevoked()) {
      int revoked = refreshTokens.revokeFamily(token.familyId(), now);
      log.warn(
          "Refresh token reuse for user {}: revoked family {} ({} live tokens)",
          token.userId(),
          token.familyId(),
          revoked);
      throw new RefreshTokenReused();
    }
    if (token.isExpired(now)) {
      throw new InvalidRefreshToken("The refresh token has expired.");
    }
    UserAccount user =
        users
            .findById(token.userId())
            .orElseThrow(() -> new InvalidRefreshToken("The account no longer exists."));
    Session session = startSession(user, token.familyId(), client, now);
    token.rotateTo(session.refreshTokenEntity(), now);
    refreshTokens.save(token);
    return session;
  }

  /**
   * Ends the session the refresh token belongs to. Unknown tokens are ignored: logout always
   * succeeds.
   */
  @Transactional
  public void logout(String presented) {
    refreshTokens
        .findByHashForUpdate(Secrets.sha256(presented))
        .ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), clock.instant()));
  }

  @Transactional(readOnly = true)
  private UserResponse view(UserAccount user) {
    return UserResponse.of(user, administrators.isAdmin(user.getId(), user.username()));
  }

  public UserResponse me(UUID userId) {
    return users
        .findById(userId)
        .map(this::view)
        .orElseThrow(() -> new NotFoundException("The user"));
  }

  private Session startSession(UserAccount user, UUID familyId, ClientInfo client, Instant now) {
    String refreshToken = Secrets.randomToken(REFRESH_TOKEN_BYTES);
    RefreshToken entity =
        RefreshToken.issue(
            user.getId(),
            familyId,
            Secrets.sha256(refreshToken),
            now,
            now.plus(settings.refreshTokenTtl()),
            client.userAgent(),
            client.ip());
    refreshTokens.save(entity);
    String accessToken = accessTokens.issue(user.getId(), user.username(), now);
    return new Session(
        view(user),
        accessToken,
        accessTokens.ttlSeconds(),
        refreshToken,
        settings.refreshTokenTtl().toSeconds(),
        entity);
  }

  /** Who is asking, for rate limits and the session list. */
  record ClientInfo(String ip, String userAgent) {}

  /** A fresh token pair. */
  record Session(
      UserResponse user,
      String accessToken,
      long expiresIn,
      String refreshToken,
      long refreshExpiresIn,
      RefreshToken refreshTokenEntity) {

    TokenResponse toResponse() {
      return new TokenResponse(
          accessToken, "Bearer", expiresIn, refreshToken, refreshExpiresIn, user);
    }
  }
}
