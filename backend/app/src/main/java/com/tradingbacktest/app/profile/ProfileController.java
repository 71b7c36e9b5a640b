package com.tradingbacktest.app.profile;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me/profile")
@Tag(
    name = "Profile",
    description = "Your display name, language, colour convention and default costs")
class ProfileController {

  private final ProfileService profiles;

  ProfileController(ProfileService profiles) {
    this.profiles = profiles;
  }

  @GetMapping
  @Operation(
      summary = "Your profile",
      description = "Before the first save every field has its default.",
      responses = @ApiResponse(responseCode = "200", description = "The profile"))
  ProfileResponse get(@AuthenticationPrincipal AuthenticatedUser user) {
    return profiles.get(user);
  }

  @PutMapping
  @Operation(
      summary = "Replace your profile",
      description =
          "Every field is replaced; an omitted one returns to its default. The display name is"
              + " trimmed (at most 60 characters; empty: the username is shown). Default costs"
              + " follow the rules of a run's costs.",
      responses = {
        @ApiResponse(responseCode = "200", description = "Saved"),
        @ApiResponse(
            responseCode = "422",
            description = "A field is invalid (validation-failed, every field at once)")
      })
  ProfileResponse save(
      @AuthenticationPrincipal AuthenticatedUser user, @Valid @RequestBody ProfileRequest request) {
    return profiles.save(user, request);
  }
}
