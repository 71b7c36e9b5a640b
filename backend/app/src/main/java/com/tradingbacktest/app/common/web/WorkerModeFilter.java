package com.tradingbacktest.app.common.web;

import com.tradingbacktest.app.common.RunMode;
import com.tradingbacktest.app.common.error.ProblemKind;
import com.tradingbacktest.app.common.error.ProblemResponseWriter;
import com.tradingbacktest.app.common.error.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In {@code --mode=worker} the process keeps its HTTP port for health checks and metrics, but the
 * API is served elsewhere: a request that reaches it by mistake gets a clear 503, not half an
 * answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class WorkerModeFilter extends OncePerRequestFilter {

  private final RunMode mode;
  private final ProblemResponseWriter problems;

  WorkerModeFilter(
      @Value("${" + RunMode.PROPERTY + ":ALL}") RunMode mode, ProblemResponseWriter problems) {
    this.mode = mode;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return mode.servesApi() || !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    problems.write(
        request,
        response,
        Problems.of(
            ProblemKind.SERVICE_UNAVAILABLE,
            "worker-only",
            "This process runs in worker mode and does not serve the API."));
  }
}
