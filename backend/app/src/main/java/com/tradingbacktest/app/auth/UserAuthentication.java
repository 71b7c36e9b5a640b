package com.tradingbacktest.app.auth;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated request; the authority says how it authenticated. */
final class UserAuthentication extends AbstractAuthenticationToken {

  /** Signed in interactively (access token): may manage the account, including API keys. */
  static final String SESSION = "AUTH_SESSION";

  /** Came with an API key: may use the API, not manage keys. */
  static final String API_KEY = "AUTH_API_KEY";

  private final AuthenticatedUser user;

  UserAuthentication(AuthenticatedUser user, String how) {
    super(List.of(new SimpleGrantedAuthority(how)));
    this.user = user;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public AuthenticatedUser getPrincipal() {
    return user;
  }

  @Override
  public String getName() {
    return user.id().toString();
  }
}
