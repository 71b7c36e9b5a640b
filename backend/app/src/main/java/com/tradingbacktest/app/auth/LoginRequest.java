package com.tradingbacktest.app.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record LoginRequest(
    @Schema(description = "Email or username", example = "quant_kim")
        @NotBlank(message = "is required")
        @Size(max = 254, message = "must be at most 254 characters")
        String login,
    @NotBlank(message = "is required") @Size(max = 128, message = "must be at most 128 characters")
        String password) {}
