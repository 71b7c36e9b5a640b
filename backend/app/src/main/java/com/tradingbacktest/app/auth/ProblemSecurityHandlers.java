package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.ProblemKind;
import com.tradingbacktest.app.common.error.ProblemResponseWriter;
import com.tradingbacktest.app.common.error.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 from the security filters, as problem documents like every other error. */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ProblemResponseWriter problems;

  /** Adds the RFC 6750 WWW-Authenticate header (error="invalid_token" and so on). */
  private final BearerTokenAuthenticationEntryPoint bearer =
      new BearerTokenAuthenticationEntryPoint();

  ProblemSecurityHandlers(ProblemResponseWriter problems) {
    this.problems = problems;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
      throws IOException {
    bearer.commence(request, response, ex);
    boolean badToken =
        ex instanceof InvalidBearerTokenException
            || ex.getClass().getSimpleName().contains("OAuth2");
    problems.write(
        request,
        response,
        badToken
            ? Problems.of(
                ProblemKind.UNAUTHORIZED,
                "invalid-token",
                "The access token is invalid or has expired. Refresh it or sign in again.")
            : Problems.of(
                ProblemKind.UNAUTHORIZED,
                "unauthorized",
                "Sign in, or send a valid access token (Authorization: Bearer) or API key (X-API-Key)."));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
      throws IOException {
    problems.write(
        request,
        response,
        Problems.of(
            ProblemKind.FORBIDDEN,
            "forbidden",
            "You are not allowed to do this with the credentials you sent."));
  }
}
