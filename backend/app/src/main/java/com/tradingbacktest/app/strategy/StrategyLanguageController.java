package com.tradingbacktest.app.strategy;

import com.tradingbacktest.app.common.ratelimit.RateLimited;
import com.tradingbacktest.app.common.ratelimit.RequestLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editor's helpers: check code without saving it, templates to start from, the language as
 * data.
 */
@RestController
@RequestMapping(StrategyController.PATH)
@Tag(name = "Strategies")
class StrategyLanguageController {

  /** Templates and catalogue change only with a release. */
  private static final CacheControl STATIC = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

  private final StrategyLanguage language;

  StrategyLanguageController(StrategyLanguage language) {
    this.language = language;
  }

  @PostMapping("/validate")
  @RateLimited(RequestLimit.VALIDATIONS)
  @Operation(
      summary =
          "Compile code without saving it: every error with its place, or its parameters and outputs",
      description = "Code that does not compile is still a 200, with `valid` false and the errors.",
      responses = {
        @ApiResponse(responseCode = "200", description = "What the compiler found"),
        @ApiResponse(responseCode = "422", description = "`code` missing")
      })
  StrategyValidationResponse validate(@Valid @RequestBody ValidateStrategyRequest request) {
    return language.validate(request.code());
  }

  @GetMapping("/templates")
  @Operation(
      summary = "Working strategies to start from, with their parameters",
      description = "Fixed per release; cacheable for an hour.",
      responses = @ApiResponse(responseCode = "200", description = "Every template"))
  ResponseEntity<List<StrategyTemplateResponse>> templates() {
    return ResponseEntity.ok().cacheControl(STATIC).body(language.templates());
  }

  @GetMapping("/language")
  @Operation(
      summary = "The strategy language as data: functions, variables, outputs, keywords and limits",
      description =
          "For the editor's completion and hover docs. Fixed per release; cacheable for an hour.",
      responses = @ApiResponse(responseCode = "200", description = "The catalogue"))
  ResponseEntity<LanguageCatalogueResponse> language() {
    return ResponseEntity.ok().cacheControl(STATIC).body(language.catalogue());
  }
}
