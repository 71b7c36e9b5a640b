package com.tradingbacktest.app.strategy;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A strategy's history and draft, its owner's alone: anyone else gets 404, even for a public
 * strategy.
 */
@RestController
@RequestMapping(StrategyController.PATH + "/{id}")
@Tag(name = "Strategies")
class StrategyVersionController {

  private static final String NOT_YOURS = "No such strategy of yours";

  private final StrategyService strategies;

  StrategyVersionController(StrategyService strategies) {
    this.strategies = strategies;
  }

  @GetMapping("/versions")
  @Operation(
      summary = "Your strategy's versions, newest first, a page at a time",
      description =
          "Every explicit save that changed the code made one (creating the strategy made 1); "
              + "items leave out `code`, which GET .../versions/{number} returns. A strategy keeps at "
              + "most "
              + StrategyService.MAX_VERSIONS
              + " versions.",
      responses = {
        @ApiResponse(responseCode = "200", description = "One page and the totals"),
        @ApiResponse(responseCode = "404", description = NOT_YOURS),
        @ApiResponse(responseCode = "422", description = "page or size out of range")
      })
  PageResponse<StrategyVersionResponse> versions(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @Parameter(description = "Page number, from 0")
          @RequestParam(defaultValue = "0")
          @Min(value = 0, message = "must be at least 0")
          @Max(value = 1_000_000, message = "must be at most 1000000")
          int page,
      @Parameter(description = "Items per page, 1-100")
          @RequestParam(defaultValue = "20")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 100, message = "must be at most 100")
          int size) {
    return strategies.versions(user.id(), id, page, size);
  }

  @GetMapping("/versions/{number}")
  @Operation(
      summary = "One version of your strategy, with its code",
      responses = {
        @ApiResponse(responseCode = "200", description = "The version"),
        @ApiResponse(responseCode = "404", description = "No such version of a strategy of yours")
      })
  StrategyVersionResponse version(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @PathVariable int number) {
    return strategies.version(user.id(), id, number);
  }

  @PostMapping("/versions/{number}/restore")
  @Operation(
      summary = "Make an earlier version's code current again, as a new version",
      description =
          "History is never rewritten: the strategy gets a new version equal in code to the one "
              + "restored (its `restored_from` names it). The name, description and any draft stay.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The strategy, at its new version"),
        @ApiResponse(responseCode = "404", description = "No such version of a strategy of yours"),
        @ApiResponse(
            responseCode = "409",
            description = "It already keeps the most versions (`/problems/too-many-versions`)")
      })
  StrategyResponse restore(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @PathVariable int number) {
    return strategies.restore(user.id(), id, number);
  }

  @DeleteMapping("/draft")
  @Operation(
      summary = "Discard your strategy's draft",
      description = "Nothing to discard is not an error.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The strategy, without a draft"),
        @ApiResponse(responseCode = "404", description = NOT_YOURS),
        @ApiResponse(
            responseCode = "409",
            description =
                "The draft is all the strategy has (`/problems/strategy-only-a-draft`): delete the "
                    + "strategy instead")
      })
  StrategyResponse discardDraft(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    return strategies.discardDraft(user.id(), id);
  }
}
