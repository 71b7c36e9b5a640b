package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.common.error.ProblemKind;
import com.tradingbacktest.app.common.error.ProblemResponseWriter;
import com.tradingbacktest.app.common.error.Problems;
import java.io.IOException;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS check, refusing with a 403 problem document rather than the plain text "Invalid
 * CORS request".
 */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

  private static final int MAX_ORIGIN_SHOWN = 200;

  private final ProblemResponseWriter problems;

  ProblemCorsProcessor(ProblemResponseWriter problems) {
    this.problems = problems;
  }

  @Override
  protected boolean handleInternal(
      ServerHttpRequest request,
      ServerHttpResponse response,
      CorsConfiguration config,
      boolean preFlightRequest)
      throws IOException {
    String origin = request.getHeaders().getOrigin();
    if (origin != null && config.checkOrigin(origin) == null) {
      String shown =
          origin.length() > MAX_ORIGIN_SHOWN ? origin.substring(0, MAX_ORIGIN_SHOWN) + "…" : origin;
      refuse(
          response,
          "Pages from "
              + shown
              + " may not call this API from a browser; the server's CORS_ALLOWED_ORIGINS"
              + " lists the origins that may.");
      return false;
    }
    return super.handleInternal(request, response, config, preFlightRequest);
  }

  @Override
  protected void rejectRequest(ServerHttpResponse response) throws IOException {
    refuse(
        response, "The cross-origin request asks for a method or header this API does not allow.");
  }

  private void refuse(ServerHttpResponse response, String detail) throws IOException {
    if (response instanceof ServletServerHttpResponse servlet) {
      problems.write(
          servlet.getServletResponse(),
          Problems.of(ProblemKind.FORBIDDEN, "cors-rejected", detail));
    } else {
      super.rejectRequest(response);
    }
  }
}
