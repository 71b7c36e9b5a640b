package com.tradingbacktest.app.common.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The actuator lives on its own port (MANAGEMENT_PORT), so metrics are never public; health stays
 * on the app port at its usual addresses, because load balancers, nginx, fly.io's checks and the
 * image's HEALTHCHECK ask there. Same answers as the actuator's: components without details, 503
 * when down.
 */
@Hidden
@RestController
class AppPortHealthController {

  private final HealthEndpointWebExtension health;

  AppPortHealthController(HealthEndpointWebExtension health) {
    this.health = health;
  }

  @GetMapping(path = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<HealthDescriptor> health() {
    return answer();
  }

  @GetMapping(path = "/actuator/health/liveness", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<HealthDescriptor> liveness() {
    return answer("liveness");
  }

  @GetMapping(path = "/actuator/health/readiness", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<HealthDescriptor> readiness() {
    return answer("readiness");
  }

  private ResponseEntity<HealthDescriptor> answer(String... group) {
    WebEndpointResponse<HealthDescriptor> response =
        health.health(
            ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE, false, group);
    return ResponseEntity.status(response.getStatus()).body(response.getBody());
  }
}
