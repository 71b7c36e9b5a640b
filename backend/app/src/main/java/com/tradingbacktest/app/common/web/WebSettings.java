package com.tradingbacktest.app.common.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP edge settings.
 *
 * @param corsAllowedOrigins CORS_ALLOWED_ORIGINS: origins allowed to call the API from a browser
 * @param maxRequestBody MAX_REQUEST_BODY: the largest body any endpoint reads, unless it sets its own
 * @param requireHttps REQUIRE_HTTPS: redirect plain-HTTP requests (as seen through X-Forwarded-Proto)
 */
@ConfigurationProperties("tb.web")
public record WebSettings(
    @DefaultValue("http://localhost:3000") List<String> corsAllowedOrigins,
    @DefaultValue("1MB") DataSize maxRequestBody,
    @DefaultValue("false") boolean requireHttps) {}
