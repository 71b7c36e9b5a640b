package com.tradingbacktest.app.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Key management needs a signed-in session: a leaked API key cannot mint or revoke keys. */
@RestController
@RequestMapping("/api/v1/api-keys")
@PreAuthorize("hasAuthority('" + UserAuthentication.SESSION + "')")
@Tag(name = "API keys", description = "Personal keys for scripts and notebooks (X-API-Key header)")
class ApiKeyController {

  private final ApiKeyService apiKeys;

  ApiKeyController(ApiKeyService apiKeys) {
    this.apiKeys = apiKeys;
  }

  @PostMapping
  @Operation(
      summary = "Create a key; the response is the only time its secret is shown",
      responses = {
        @ApiResponse(responseCode = "201", description = "Created"),
        @ApiResponse(
            responseCode = "403",
            description = "Called with an API key instead of a session"),
        @ApiResponse(responseCode = "422", description = "Invalid name or expiry")
      })
  ResponseEntity<CreatedApiKeyResponse> create(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Valid @RequestBody CreateApiKeyRequest request) {
    CreatedApiKeyResponse created = apiKeys.create(user.id(), request);
    return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.apiKey().id()))
        .body(created);
  }

  @GetMapping
  @Operation(summary = "List your keys (prefix only), newest first")
  List<ApiKeyResponse> list(@AuthenticationPrincipal AuthenticatedUser user) {
    return apiKeys.list(user.id());
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "Revoke a key; it stops working at once",
      responses = {
        @ApiResponse(responseCode = "204", description = "Revoked"),
        @ApiResponse(responseCode = "404", description = "No such key of yours")
      })
  ResponseEntity<Void> revoke(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    apiKeys.revoke(user.id(), id);
    return ResponseEntity.noContent().build();
  }
}
