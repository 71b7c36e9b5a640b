package com.tradingbacktest.app.common.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP edge settings.
 *
 * @param corsAllowedOrigins CORS_ALLOWED_ORIGINS: origins allowed to call the API from a browser
 * @param maxRequestBody MAX_REQUEST_BODY: the largest body any endpoint reads, unless it sets its
 *     own
 * @param requireHttps REQUIRE_HTTPS: redirect plain-HTTP requests (as seen through
 *     X-Forwarded-Proto)
 * @param cspConnectSrc CSP_CONNECT_SRC: origins pages may connect to besides their own, e.g. the
 *     Sentry ingest origin of the frontend's NEXT_PUBLIC_SENTRY_DSN; each an https origin
 */
@ConfigurationProperties("tb.web")
public record WebSettings(
    @DefaultValue("http://localhost:3000") List<String> corsAllowedOrigins,
    @DefaultValue("1MB") DataSize maxRequestBody,
    @DefaultValue("false") boolean requireHttps,
    @DefaultValue("") List<String> cspConnectSrc) {

  private static final java.util.regex.Pattern ORIGIN =
      java.util.regex.Pattern.compile("https://[A-Za-z0-9.*-]+(:\\d+)?");

  public WebSettings {
    cspConnectSrc =
        cspConnectSrc.stream()
            .flatMap(v -> java.util.Arrays.stream(v.trim().split("\\s+")))
            .filter(v -> !v.isEmpty())
            .toList();
    for (String origin : cspConnectSrc) {
      if (!ORIGIN.matcher(origin).matches()) {
        throw new IllegalArgumentException(
            "CSP_CONNECT_SRC holds https origins only, e.g. https://o1.ingest.sentry.io;"
                + " got '"
                + origin
                + "'");
      }
    }
  }

  /** The Content-Security-Policy of every response, pages and API alike. */
  public String contentSecurityPolicy() {
    return String.join(
        "; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src "
            + String.join(
                " ",
                java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("'self'"), cspConnectSrc.stream())
                    .toList()),
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");
  }
}
