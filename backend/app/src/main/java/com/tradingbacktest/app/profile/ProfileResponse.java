package com.tradingbacktest.app.profile;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A user's profile; every field has its default until the first save.
 *
 * @param name what the web app shows for the user: the display name, else the username
 */
record ProfileResponse(
    @Schema(nullable = true) String displayName,
    String name,
    @Schema(
            allowableValues = {"ko", "en"},
            nullable = true)
        String language,
    @Schema(allowableValues = {"auto", "red-up", "green-up"}) String colourConvention,
    @Schema(nullable = true) DefaultCosts defaultCosts,
    @Schema(nullable = true, description = "When it was last saved; null: never")
        Instant updatedAt) {

  static ProfileResponse of(ProfileRepository.Row row, String username) {
    if (row == null) {
      return new ProfileResponse(null, username, null, "auto", null, null);
    }
    return new ProfileResponse(
        row.displayName(),
        row.displayName() == null ? username : row.displayName(),
        row.language(),
        row.colourConvention(),
        row.defaultCosts(),
        row.updatedAt());
  }
}
