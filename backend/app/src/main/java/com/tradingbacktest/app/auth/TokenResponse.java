package com.tradingbacktest.app.auth;

import io.swagger.v3.oas.annotations.media.Schema;

record TokenResponse(
    @Schema(description = "JWT for the Authorization: Bearer header") String accessToken,
    @Schema(example = "Bearer") String tokenType,
    @Schema(description = "Seconds until the access token expires", example = "900") long expiresIn,
    @Schema(description = "Opaque, single-use; also set as the httpOnly tb_refresh cookie")
        String refreshToken,
    @Schema(description = "Seconds until the refresh token expires") long refreshExpiresIn,
    UserResponse user) {}
