package com.tradingbacktest.app.strategy;

import com.tradingbacktest.engine.series.Interval;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue's figures for the public front page (no sign-in). */
@RestController
@RequestMapping("/api/v1/catalogue")
@Tag(name = "Strategies")
class CatalogueController {

  private final StrategyLanguage language;

  CatalogueController(StrategyLanguage language) {
    this.language = language;
  }

  @GetMapping("/summary")
  @SecurityRequirements
  @Operation(
      summary = "How many indicators, functions, templates and intervals the service offers",
      description =
          "Counted from the strategy language's catalogue and templates; public, for the front"
              + " page. Fixed per release; cacheable for an hour.",
      responses = @ApiResponse(responseCode = "200", description = "The figures"))
  ResponseEntity<CatalogueSummary> summary() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
        .body(
            CatalogueSummary.of(
                language.catalogue(), language.templates().size(), Interval.values().length));
  }
}
