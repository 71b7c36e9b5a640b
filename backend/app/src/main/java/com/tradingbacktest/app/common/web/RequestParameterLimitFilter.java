package com.tradingbacktest.app.common.web;

import com.tradingbacktest.app.common.error.ProblemResponseWriter;
import com.tradingbacktest.app.common.error.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests with more parameters than Tomcat parses ({@link #MAX_PARAMETERS}) with a 400
 * problem: at once when the query string has too many, and when Tomcat's own parsing gives up later
 * (a form body) wherever that happens, so the failure is never an unexpected 500 with a stack
 * trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestParameterLimitFilter extends OncePerRequestFilter {

  /** Tomcat's connector is set to the same limit ({@link TomcatEdgeCustomizer}). */
  static final int MAX_PARAMETERS = 1_000;

  private final ProblemResponseWriter problems;

  RequestParameterLimitFilter(ProblemResponseWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (countParameters(request.getQueryString()) > MAX_PARAMETERS) {
      problems.write(request, response, tooMany());
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (InvalidParameterException e) {
      problems.write(request, response, unreadable());
    }
  }

  static ProblemDetail tooMany() {
    return Problems.of(
        HttpStatus.BAD_REQUEST,
        "too-many-parameters",
        "Too many parameters",
        "The request has more than " + MAX_PARAMETERS + " query parameters.");
  }

  /** Tomcat could not parse the parameters: too many in a form body, or badly encoded. */
  static ProblemDetail unreadable() {
    return Problems.of(
        HttpStatus.BAD_REQUEST,
        "malformed-request",
        "Malformed request",
        "The request's parameters could not be read: more than "
            + MAX_PARAMETERS
            + ", or not properly encoded.");
  }

  static int countParameters(String query) {
    if (query == null || query.isEmpty()) {
      return 0;
    }
    int count = 0;
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      if (end > start) {
        count++;
      }
      start = end + 1;
    }
    return count;
  }
}
