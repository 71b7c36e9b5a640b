package com.tradingbacktest.app.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record CreateApiKeyRequest(
    @Schema(example = "research notebook")
        @NotBlank(message = "is required")
        @Size(max = 100, message = "must be at most 100 characters")
        String name,
    @Schema(
            description = "Days until the key stops working; omit for a key that never expires",
            example = "90")
        @Min(value = 1, message = "must be at least 1")
        @Max(value = 3650, message = "must be at most 3650")
        Integer expiresInDays) {}
