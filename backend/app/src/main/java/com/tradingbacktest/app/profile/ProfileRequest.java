package com.tradingbacktest.app.profile;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The whole profile, replacing what was saved: an omitted field is cleared to its default.
 *
 * @param displayName trimmed; empty or omitted: the username is shown
 * @param language ko or en; omitted: the browser's language
 * @param colourConvention auto (default: red up and blue down in Korean, green up and red down in
 *     English), red-up or green-up
 * @param defaultCosts omitted: a new run starts from its market's preset
 */
record ProfileRequest(
    @Schema(example = "김트레이더", nullable = true)
        @Size(max = ProfileService.MAX_DISPLAY_NAME, message = "must be at most {max} characters")
        String displayName,
    @Schema(
            allowableValues = {"ko", "en"},
            nullable = true)
        @Pattern(regexp = "ko|en", message = "must be ko or en")
        String language,
    @Schema(
            allowableValues = {"auto", "red-up", "green-up"},
            nullable = true)
        @Pattern(regexp = "auto|red-up|green-up", message = "must be auto, red-up or green-up")
        String colourConvention,
    @Schema(nullable = true) @Valid DefaultCosts defaultCosts) {}
