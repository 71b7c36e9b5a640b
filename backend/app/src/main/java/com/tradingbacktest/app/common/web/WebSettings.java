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
 * @param trustedProxies TRUSTED_PROXIES: the addresses (or CIDR ranges) of the reverse proxies
 *     whose X-Forwarded-For/-Proto/-Port are believed; empty (the default) believes nobody, so a
 *     client cannot choose the address its rate limits count against
 */
@ConfigurationProperties("tb.web")
public record WebSettings(
    @DefaultValue("http://localhost:3000") List<String> corsAllowedOrigins,
    @DefaultValue("1MB") DataSize maxRequestBody,
    @DefaultValue("false") boolean requireHttps,
    @DefaultValue("") List<String> cspConnectSrc,
    @DefaultValue("") List<String> trustedProxies) {

  private static final java.util.regex.Pattern PROXY =
      java.util.regex.Pattern.compile(
          "([0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*)(/[0-9]{1,3})?");

  private static final java.util.regex.Pattern ORIGIN =
      java.util.regex.Pattern.compile("https://[A-Za-z0-9.*-]+(:\\d+)?");

  public WebSettings {
    cspConnectSrc =
        cspConnectSrc.stream()
            .flatMap(v -> java.util.Arrays.stream(v.trim().split("\\s+")))
            .filter(v -> !v.isEmpty())
            .toList();
    trustedProxies = trustedProxies.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    for (String proxy : trustedProxies) {
      if (!PROXY.matcher(proxy).matches()) {
        throw new IllegalArgumentException(
            "TRUSTED_PROXIES holds IP addresses or CIDR ranges, e.g. 127.0.0.1,10.0.0.0/8;"
                + " got '"
                + proxy
                + "'");
      }
    }
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

  /**
   * The trusted proxies as Tomcat's RemoteIpValve reads CIDR ranges: a single address becomes a
   * range of one; empty when no proxy is trusted.
   */
  public String trustedProxyRanges() {
    return trustedProxies.stream()
        .map(p -> p.contains("/") ? p : p + (p.contains(":") ? "/128" : "/32"))
        .collect(java.util.stream.Collectors.joining(","));
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
