package com.tradingbacktest.app.auth;

import io.swagger.v3.oas.annotations.media.Schema;

/** The one response that carries the key's secret. */
record CreatedApiKeyResponse(
    @Schema(description = "Send as the X-API-Key header. Shown only now: store it safely.")
        String key,
    ApiKeyResponse apiKey) {}
