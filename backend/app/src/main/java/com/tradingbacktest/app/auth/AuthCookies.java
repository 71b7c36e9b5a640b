package com.tradingbacktest.app.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The browser's half of the session: the refresh token in an httpOnly cookie that only the auth
 * endpoints receive, and a CSRF token (double submit) in a cookie the page can read and must echo
 * in {@code X-CSRF-Token}. Both are Secure and SameSite=Strict.
 */
final class AuthCookies {

  static final String REFRESH_COOKIE = "tb_refresh";
  static final String CSRF_COOKIE = "tb_csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String REFRESH_PATH = "/api/v1/auth";

  private AuthCookies() {}

  static void set(HttpHeaders headers, String refreshToken, Duration ttl) {
    headers.add(
        HttpHeaders.SET_COOKIE,
        cookie(REFRESH_COOKIE, refreshToken, REFRESH_PATH, true, ttl).toString());
    headers.add(
        HttpHeaders.SET_COOKIE,
        cookie(CSRF_COOKIE, Secrets.randomToken(24), "/", false, ttl).toString());
  }

  static void clear(HttpHeaders headers) {
    headers.add(
        HttpHeaders.SET_COOKIE,
        cookie(REFRESH_COOKIE, "", REFRESH_PATH, true, Duration.ZERO).toString());
    headers.add(
        HttpHeaders.SET_COOKIE, cookie(CSRF_COOKIE, "", "/", false, Duration.ZERO).toString());
  }

  static Optional<String> read(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(c -> name.equals(c.getName()) && c.getValue() != null && !c.getValue().isEmpty())
        .map(Cookie::getValue)
        .findFirst();
  }

  /**
   * The double-submit check: the header must equal the cookie (which a cross-site page cannot
   * read).
   */
  static void requireCsrf(HttpServletRequest request) {
    String cookie = read(request, CSRF_COOKIE).orElse(null);
    String header = request.getHeader(CSRF_HEADER);
    if (cookie == null || !Secrets.constantTimeEquals(cookie, header)) {
      throw new CsrfTokenMismatch();
    }
  }

  private static ResponseCookie cookie(
      String name, String value, String path, boolean httpOnly, Duration ttl) {
    return ResponseCookie.from(name, value)
        .httpOnly(httpOnly)
        .secure(true)
        .sameSite("Strict")
        .path(path)
        .maxAge(ttl)
        .build();
  }
}
