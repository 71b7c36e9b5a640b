package com.tradingbacktest.app.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record RegisterRequest(
    @Schema(example = "trader@example.com")
        @NotBlank(message = "is required")
        @Size(max = 254, message = "must be at most 254 characters")
        @Email(message = "must be a valid email address")
        String email,
    @Schema(example = "quant_kim", description = "3-32 characters, no spaces and no @")
        @NotBlank(message = "is required")
        @Size(min = 3, max = 32, message = "must be 3 to 32 characters")
        @Pattern(
            regexp = "[^\\s@\\p{Cntrl}]*",
            message = "may not contain spaces, control characters or @")
        String username,
    @Schema(
            example = "correct horse 42",
            description = "8-72 bytes (bcrypt's limit) with a letter and a digit")
        @NotBlank(message = "is required")
        @Size(min = 8, max = 72, message = "must be 8 to 72 characters")
        @Pattern(
            regexp = "(?s)(?=.*\\p{L})(?=.*\\p{N}).*",
            message = "must contain at least one letter and one digit")
        String password) {}
