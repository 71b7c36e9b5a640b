package com.tradingbacktest.app.common.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same 503 {@code database-unavailable} as the exception handler's, for failures outside Spring
 * MVC: a filter that reads the database (an API key's lookup in the security chain) would otherwise
 * end as a generic 500 error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

  private final ProblemResponseWriter problems;

  DatabaseUnavailableFilter(ProblemResponseWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
        throw e;
      }
      log.warn("Database unavailable: {}", e.getMessage());
      DatabaseUnavailable unavailable = new DatabaseUnavailable();
      ProblemDetail problem =
          Problems.of(unavailable.kind(), unavailable.slug(), unavailable.getMessage());
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(unavailable.retryAfterSeconds()));
      problems.write(request, response, problem);
    }
  }
}
