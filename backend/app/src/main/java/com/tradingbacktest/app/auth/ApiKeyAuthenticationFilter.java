package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.ProblemKind;
import com.tradingbacktest.app.common.error.ProblemResponseWriter;
import com.tradingbacktest.app.common.error.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries {@code X-API-Key}. A key that is unknown, revoked or expired
 * is answered with 401 at once rather than treated as anonymous, so a broken script fails loudly.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

  static final String HEADER = "X-API-Key";

  private final ApiKeyService apiKeys;
  private final ProblemResponseWriter problems;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();

  ApiKeyAuthenticationFilter(ApiKeyService apiKeys, ProblemResponseWriter problems) {
    this.apiKeys = apiKeys;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String presented = request.getHeader(HEADER);
    if (presented == null || presented.isBlank()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<AuthenticatedUser> user = apiKeys.authenticate(presented.trim());
    if (user.isEmpty()) {
      problems.write(
          request,
          response,
          Problems.of(
              ProblemKind.UNAUTHORIZED,
              "invalid-api-key",
              "The API key is unknown, revoked or expired."));
      return;
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(new UserAuthentication(user.get(), UserAuthentication.API_KEY));
    contexts.setContext(context);
    chain.doFilter(request, response);
  }
}
