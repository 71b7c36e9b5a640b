package com.tradingbacktest.app.auth;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.tradingbacktest.app.common.database.DatabaseSettings;
import com.tradingbacktest.app.common.error.ProblemResponseWriter;
import com.tradingbacktest.app.common.error.Problems;
import com.tradingbacktest.app.common.web.WebSettings;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Who may call what. The API is stateless: every request to /api/** carries an access token (a JWT
 * signed with our key, checked by Spring Security's resource server) or an API key. Only sign-up,
 * login, refresh and logout, the API docs and health/metrics are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      WebSettings web,
      CorsConfigurationSource corsConfigurationSource,
      ApiKeyService apiKeys,
      KnownUsers knownUsers,
      ProblemResponseWriter problems)
      throws Exception {
    ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
    // No cookie authenticates /api except refresh and logout, which check a CSRF token.
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Spring's CorsFilter, refusing with a problem document (ProblemCorsProcessor).
        .cors(c -> c.disable())
        .addFilterAt(corsFilter(corsConfigurationSource, problems), CorsFilter.class)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        HttpMethod.POST,
                        "/api/v1/auth/register",
                        "/api/v1/auth/login",
                        "/api/v1/auth/refresh",
                        "/api/v1/auth/logout")
                    .permitAll()
                    .requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**")
                    .permitAll()
                    // Shared runs' public links: read-only, rate-limited per address.
                    .requestMatchers(
                        HttpMethod.GET, "/api/v1/shared/*", "/api/v1/shared/*/round-trips")
                    .permitAll()
                    // The front page's figures, counted from the language catalogue.
                    .requestMatchers(HttpMethod.GET, "/api/v1/catalogue/summary")
                    .permitAll()
                    .requestMatchers(
                        "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .denyAll()
                    .requestMatchers("/api/**")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .oauth2ResourceServer(
            rs ->
                rs.jwt(
                        jwt ->
                            jwt.jwtAuthenticationConverter(
                                token -> toAuthentication(token, knownUsers)))
                    .authenticationEntryPoint(handlers)
                    .accessDeniedHandler(handlers))
        .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
        .addFilterBefore(
            new ApiKeyAuthenticationFilter(apiKeys, problems),
            BearerTokenAuthenticationFilter.class)
        .headers(
            h ->
                h.contentSecurityPolicy(csp -> csp.policyDirectives(web.contentSecurityPolicy()))
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    .frameOptions(f -> f.deny())
                    .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                    .addHeaderWriter(
                        new StaticHeadersWriter(
                            "Permissions-Policy",
                            "camera=(), microphone=(), geolocation=(), payment=()"))
                    .addHeaderWriter(
                        new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
    if (web.requireHttps()) {
      // Behind a proxy, Tomcat's RemoteIpValve (server.forward-headers-strategy=native) has already
      // turned X-Forwarded-Proto into request.isSecure(); plain-HTTP requests are redirected.
      http.redirectToHttps(Customizer.withDefaults());
    }
    return http.build();
  }

  private static CorsFilter corsFilter(
      CorsConfigurationSource source, ProblemResponseWriter problems) {
    CorsFilter filter = new CorsFilter(source);
    filter.setCorsProcessor(new ProblemCorsProcessor(problems));
    return filter;
  }

  /**
   * The firewall's refusal of a suspicious address (an encoded {@code %}, {@code /}, {@code ;} or a
   * backslash, a non-normalised path): 400 with a problem document, not Boot's error JSON.
   */
  @Bean
  RequestRejectedHandler requestRejectedHandler(ProblemResponseWriter problems) {
    return (request, response, rejected) ->
        problems.write(
            request,
            response,
            Problems.of(
                HttpStatus.BAD_REQUEST,
                "malformed-request",
                "Malformed request",
                "The request address holds a character or sequence that is not allowed, such as an"
                    + " encoded %, / or ; or a path that is not normalised."));
  }

  /** The decoder has checked the subject is a UUID; here, that it is still a user. */
  private static UserAuthentication toAuthentication(Jwt jwt, KnownUsers knownUsers) {
    UUID id = UUID.fromString(jwt.getSubject());
    if (!knownUsers.exists(id)) {
      throw new InvalidBearerTokenException("The token's user does not exist");
    }
    AuthenticatedUser user =
        new AuthenticatedUser(id, jwt.getClaimAsString(AccessTokenIssuer.USERNAME_CLAIM));
    return new UserAuthentication(user, UserAuthentication.SESSION);
  }

  @Bean
  CorsConfigurationSource corsConfigurationSource(WebSettings web) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(
        web.corsAllowedOrigins().stream().map(String::trim).filter(o -> !o.isEmpty()).toList());
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(
        List.of(
            "Authorization",
            "Content-Type",
            ApiKeyAuthenticationFilter.HEADER,
            AuthCookies.CSRF_HEADER,
            "X-Request-Id",
            "Last-Event-ID"));
    cors.setExposedHeaders(
        List.of("Location", "Retry-After", "X-Request-Id", "Content-Disposition"));
    cors.setAllowCredentials(true);
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    return source;
  }

  @Bean
  SecretKey jwtSigningKey(AuthSettings settings, DatabaseSettings database) {
    return JwtKeyProvider.load(settings.jwtSecret(), database);
  }

  @Bean
  JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
    return new NimbusJwtEncoder(new ImmutableSecret<>(jwtSigningKey));
  }

  @Bean
  JwtDecoder jwtDecoder(SecretKey jwtSigningKey, AuthSettings settings) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withSecretKey(jwtSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
    // The default validators check exp only when it is there: a token without one would never
    // expire. Every token this app issues has exp and a user id as its subject.
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(settings.issuer()),
            new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
            new JwtClaimValidator<String>(JwtClaimNames.SUB, SecurityConfiguration::isUuid)));
    return decoder;
  }

  private static boolean isUuid(String subject) {
    if (subject == null || subject.length() != 36) {
      return false;
    }
    try {
      return UUID.fromString(subject).toString().equals(subject);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Bean
  PasswordEncoder passwordEncoder(AuthSettings settings) {
    return new BCryptPasswordEncoder(settings.bcryptStrength());
  }
}
