package com.tradingbacktest.app.auth;

import com.tradingbacktest.app.auth.AuthService.ClientInfo;
import com.tradingbacktest.app.auth.AuthService.Session;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth", description = "Sign up, sign in, token refresh and sign out")
class AuthController {

  private final AuthService auth;

  AuthController(AuthService auth) {
    this.auth = auth;
  }

  @PostMapping("/register")
  @SecurityRequirements
  @Operation(
      summary = "Create an account and sign in",
      responses = {
        @ApiResponse(responseCode = "201", description = "Account created; tokens issued"),
        @ApiResponse(responseCode = "409", description = "Email or username already taken"),
        @ApiResponse(responseCode = "422", description = "Invalid email, username or password"),
        @ApiResponse(responseCode = "429", description = "Too many sign-ups from this address")
      })
  ResponseEntity<TokenResponse> register(
      @Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
    Session session = auth.register(request, client(http));
    return withCookies(ResponseEntity.created(URI.create("/api/v1/auth/me")), session);
  }

  @PostMapping("/login")
  @SecurityRequirements
  @Operation(
      summary = "Sign in with email or username",
      responses = {
        @ApiResponse(responseCode = "200", description = "Signed in; tokens issued"),
        @ApiResponse(responseCode = "401", description = "Wrong email/username or password"),
        @ApiResponse(responseCode = "422", description = "Missing fields"),
        @ApiResponse(responseCode = "429", description = "Too many attempts; see Retry-After")
      })
  ResponseEntity<TokenResponse> login(
      @Valid @RequestBody LoginRequest request, HttpServletRequest http) {
    return withCookies(ResponseEntity.ok(), auth.login(request, client(http)));
  }

  @PostMapping("/refresh")
  @SecurityRequirements
  @Operation(
      summary = "Exchange a refresh token for a new token pair",
      description =
          "API clients send `refresh_token` in the body. Browsers send no body: the tb_refresh "
              + "cookie is used, and the X-CSRF-Token header must equal the tb_csrf cookie. Every refresh "
              + "rotates the token; presenting a used token ends the whole session.",
      parameters =
          @Parameter(
              name = AuthCookies.CSRF_HEADER,
              in = ParameterIn.HEADER,
              description = "Required when the refresh token comes from the cookie"),
      responses = {
        @ApiResponse(responseCode = "200", description = "New tokens issued"),
        @ApiResponse(
            responseCode = "401",
            description = "Missing, unknown, expired or reused refresh token"),
        @ApiResponse(
            responseCode = "403",
            description = "Cookie refresh without a matching CSRF token")
      })
  ResponseEntity<TokenResponse> refresh(
      @Valid @RequestBody(required = false) RefreshRequest request, HttpServletRequest http) {
    String token =
        presentedRefreshToken(request, http)
            .orElseThrow(() -> new InvalidRefreshToken("No refresh token was sent."));
    return withCookies(ResponseEntity.ok(), auth.refresh(token, client(http)));
  }

  @PostMapping("/logout")
  @SecurityRequirements
  @Operation(
      summary = "Sign out: revoke the session's refresh tokens and clear the cookies",
      responses = {
        @ApiResponse(responseCode = "204", description = "Signed out"),
        @ApiResponse(
            responseCode = "403",
            description = "Cookie logout without a matching CSRF token")
      })
  ResponseEntity<Void> logout(
      @Valid @RequestBody(required = false) RefreshRequest request, HttpServletRequest http) {
    presentedRefreshToken(request, http).ifPresent(auth::logout);
    HttpHeaders headers = new HttpHeaders();
    AuthCookies.clear(headers);
    return ResponseEntity.status(HttpStatus.NO_CONTENT).headers(headers).build();
  }

  // Its 401 is every secured operation's, declared once in OpenApiConfiguration.
  @GetMapping("/me")
  @Operation(
      summary = "The signed-in user",
      responses = @ApiResponse(responseCode = "200", description = "The user"))
  UserResponse me(@AuthenticationPrincipal AuthenticatedUser user) {
    return auth.me(user.id());
  }

  /**
   * The refresh token from the body (API clients) or else from the cookie (browsers), in which case
   * the request must carry the CSRF token; empty when neither was sent.
   */
  private static java.util.Optional<String> presentedRefreshToken(
      RefreshRequest request, HttpServletRequest http) {
    if (request != null && request.refreshToken() != null && !request.refreshToken().isBlank()) {
      return java.util.Optional.of(request.refreshToken());
    }
    java.util.Optional<String> cookie = AuthCookies.read(http, AuthCookies.REFRESH_COOKIE);
    if (cookie.isPresent()) {
      AuthCookies.requireCsrf(http);
    }
    return cookie;
  }

  private ResponseEntity<TokenResponse> withCookies(
      ResponseEntity.BodyBuilder response, Session session) {
    HttpHeaders headers = new HttpHeaders();
    AuthCookies.set(
        headers, session.refreshToken(), Duration.ofSeconds(session.refreshExpiresIn()));
    headers.setCacheControl("no-store");
    return response.headers(headers).body(session.toResponse());
  }

  private static ClientInfo client(HttpServletRequest http) {
    return new ClientInfo(http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT));
  }
}
