package com.tradingbacktest.app.strategy;

import com.tradingbacktest.app.auth.AuthenticatedUser;
import com.tradingbacktest.app.common.persistence.NameDateSort;
import com.tradingbacktest.app.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Your strategies, and everyone's public ones. Someone else's private strategy answers 404 exactly
 * as a missing one does; so does any attempt to change or delete a strategy that is not yours,
 * public or not.
 */
@RestController
@RequestMapping(StrategyController.PATH)
@Tag(
    name = "Strategies",
    description = "Strategies in the strategy language: yours, and public ones to read and copy")
class StrategyController {

  static final String PATH = "/api/v1/strategies";

  /** Reading: a missing strategy and someone else's private one answer alike. */
  private static final String NOT_READABLE = "No such strategy, or someone else's private one";

  /** Changing: only the owner's strategy exists, public or not. */
  private static final String NOT_YOURS = "No such strategy of yours";

  private final StrategyService strategies;

  StrategyController(StrategyService strategies) {
    this.strategies = strategies;
  }

  @GetMapping
  @Operation(
      summary = "List strategies, a page at a time",
      description =
          "Items leave out `code` to keep pages small; GET /api/v1/strategies/{id} returns it. "
              + "Their `parameters` are those declared by the code, as compiled when it was saved.",
      responses = {
        @ApiResponse(responseCode = "200", description = "One page and the totals"),
        @ApiResponse(
            responseCode = "422",
            description = "page, size, sort, query or scope out of range")
      })
  PageResponse<StrategySummary> list(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Parameter(description = "Page number, from 0")
          @RequestParam(defaultValue = "0")
          @Min(value = 0, message = "must be at least 0")
          @Max(value = 1_000_000, message = "must be at most 1000000")
          int page,
      @Parameter(description = "Items per page, 1-100")
          @RequestParam(defaultValue = "20")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 100, message = "must be at most 100")
          int size,
      @Parameter(
              description =
                  "`field[,asc|desc]` with field one of name (case-insensitive), created_at, "
                      + "updated_at; the direction defaults to asc",
              example = "name,asc")
          @RequestParam(defaultValue = "updated_at,desc")
          @Pattern(regexp = NameDateSort.PATTERN, message = NameDateSort.MESSAGE)
          String sort,
      @Parameter(description = "Only names containing this text, ignoring case")
          @RequestParam(required = false)
          @Size(max = Strategy.MAX_NAME, message = "must be at most {max} characters")
          String query,
      @Parameter(
              description =
                  "mine: your own strategies; public: everyone's public ones (yours too); "
                      + "all: yours and everyone's public ones",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"mine", "public", "all"},
                      defaultValue = "mine"))
          @RequestParam(defaultValue = "mine")
          @Pattern(regexp = StrategyScope.VALUES, message = "must be mine, public or all")
          String scope) {
    return strategies.list(
        user.id(),
        StrategyScope.of(scope),
        query,
        PageRequest.of(page, size, NameDateSort.parse(sort)));
  }

  @PostMapping
  @Operation(
      summary = "Create a strategy; its code must compile, or be kept as a draft",
      description =
          "Code that compiles becomes version 1. With `allow_draft`, code that does not is kept "
              + "as the strategy's draft: it has no version and cannot run until saved without errors.",
      responses = {
        @ApiResponse(responseCode = "201", description = "Created; Location names it"),
        @ApiResponse(
            responseCode = "422",
            description =
                "Invalid fields (`/problems/validation-failed`), or "
                    + "code that does not compile (`/problems/invalid-strategy`, each error with line, column and "
                    + "length in `errors`)")
      })
  ResponseEntity<StrategyResponse> create(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Valid @RequestBody StrategyRequest request) {
    StrategyResponse created = strategies.create(user.id(), request);
    return ResponseEntity.created(location(created)).body(created);
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "One strategy with its code: yours, or anyone's public one",
      responses = {
        @ApiResponse(responseCode = "200", description = "The strategy"),
        @ApiResponse(responseCode = "404", description = NOT_READABLE)
      })
  StrategyResponse get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    return strategies.get(user.id(), id);
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Replace your strategy's name, description, code and visibility",
      description =
          "A full replacement: an omitted `description` clears it and an omitted `is_public` "
              + "makes the strategy private. Code that compiles and differs from the current version's "
              + "makes the next version (with `note`) and clears the draft; the same code makes none. "
              + "With `allow_draft`, code that does not compile is kept as the draft, the versions "
              + "untouched. Only the owner may change a strategy; anyone else gets 404, even for a "
              + "public one.",
      responses = {
        @ApiResponse(responseCode = "200", description = "Replaced"),
        @ApiResponse(responseCode = "404", description = NOT_YOURS),
        @ApiResponse(
            responseCode = "409",
            description = "It already keeps the most versions (`/problems/too-many-versions`)"),
        @ApiResponse(
            responseCode = "422",
            description =
                "Invalid fields (`/problems/validation-failed`), or "
                    + "code that does not compile (`/problems/invalid-strategy`)")
      })
  StrategyResponse update(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @Valid @RequestBody StrategyRequest request) {
    return strategies.update(user.id(), id, request);
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "Delete your strategy; backtests that used it keep their results",
      responses = {
        @ApiResponse(responseCode = "204", description = "Deleted"),
        @ApiResponse(responseCode = "404", description = NOT_YOURS)
      })
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    strategies.delete(user.id(), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/copy")
  @Operation(
      summary = "Copy a public strategy (or your own) into a new private strategy of yours",
      description =
          "The copy is named after the original with \" (copy)\" appended, and is private.",
      responses = {
        @ApiResponse(responseCode = "201", description = "The copy; Location names it"),
        @ApiResponse(responseCode = "404", description = NOT_READABLE)
      })
  ResponseEntity<StrategyResponse> copy(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    StrategyResponse copy = strategies.copy(user.id(), id);
    return ResponseEntity.created(location(copy)).body(copy);
  }

  private static URI location(StrategyResponse strategy) {
    return URI.create(PATH + "/" + strategy.id());
  }
}
