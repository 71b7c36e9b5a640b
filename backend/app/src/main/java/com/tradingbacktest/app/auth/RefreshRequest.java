package com.tradingbacktest.app.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * API clients send the token here; browsers leave it out and rely on the cookie plus X-CSRF-Token.
 */
record RefreshRequest(
    @Schema(description = "The refresh token from login; omit to use the tb_refresh cookie")
        @Size(max = 200, message = "must be at most 200 characters")
        String refreshToken) {}
