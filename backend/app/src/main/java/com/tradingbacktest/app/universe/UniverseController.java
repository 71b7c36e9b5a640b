package com.tradingbacktest.app.universe;

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
 * Your universes and the shared ones. Someone else's own universe answers 404 exactly as a missing
 * one does; a shared one is read by all and changed only by administrators (anyone else: 403).
 */
@RestController
@RequestMapping(UniverseController.PATH)
// Operation ids of their own: springdoc numbers clashing method names (list_1, ...) in the order it
// meets them, so a new controller's "list" would rename other features' operations in the client.
@Tag(
    name = "Universes",
    description = "Saved lists of symbols for portfolio runs: yours, and shared ones")
class UniverseController {

  static final String PATH = "/api/v1/universes";

  private static final String NOT_READABLE = "No such universe, or someone else's own";
  private static final String SHARED_FORBIDDEN =
      "A shared universe, and the caller is no administrator (`/problems/shared-universe-forbidden`)";

  private final UniverseService universes;

  UniverseController(UniverseService universes) {
    this.universes = universes;
  }

  @GetMapping
  @Operation(
      operationId = "listUniverses",
      summary = "List universes, a page at a time",
      description =
          "Items carry the first symbols and the counts; GET /api/v1/universes/{id} returns every"
              + " symbol and which have no data.",
      responses = {
        @ApiResponse(responseCode = "200", description = "One page and the totals"),
        @ApiResponse(
            responseCode = "422",
            description = "page, size, sort, query or scope out of range")
      })
  PageResponse<UniverseSummary> list(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Parameter(description = "Page number, from 0")
          @RequestParam(defaultValue = "0")
          @Min(value = 0, message = "must be at least 0")
          @Max(value = 1_000_000, message = "must be at most 1000000")
          int page,
      @Parameter(description = "Items per page, 1-100")
          @RequestParam(defaultValue = "50")
          @Min(value = 1, message = "must be at least 1")
          @Max(value = 100, message = "must be at most 100")
          int size,
      @Parameter(
              description =
                  "`field[,asc|desc]` with field one of name (case-insensitive), created_at, "
                      + "updated_at; the direction defaults to asc",
              example = "name,asc")
          @RequestParam(defaultValue = "name,asc")
          @Pattern(regexp = NameDateSort.PATTERN, message = NameDateSort.MESSAGE)
          String sort,
      @Parameter(description = "Only names containing this text, ignoring case")
          @RequestParam(required = false)
          @Size(max = Universe.MAX_NAME, message = "must be at most {max} characters")
          String query,
      @Parameter(
              description =
                  "mine: your own universes; shared: the shared ones; all: both (the default)",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"mine", "shared", "all"},
                      defaultValue = "all"))
          @RequestParam(defaultValue = "all")
          @Pattern(regexp = UniverseScope.VALUES, message = "must be mine, shared or all")
          String scope) {
    return universes.list(
        user, UniverseScope.of(scope), query, PageRequest.of(page, size, NameDateSort.parse(sort)));
  }

  @PostMapping
  @Operation(
      operationId = "createUniverse",
      summary = "Create a universe",
      description =
          "Tickers are checked for their syntax only: one without data is kept and listed in"
              + " `missing_symbols`, so a universe can be defined before its data is loaded. An"
              + " account keeps at most "
              + UniverseService.MAX_PER_USER
              + " universes.",
      responses = {
        @ApiResponse(responseCode = "201", description = "Created; Location names it"),
        @ApiResponse(
            responseCode = "403",
            description = "`shared: true` from someone who is no administrator"),
        @ApiResponse(
            responseCode = "422",
            description =
                "Invalid fields (`/problems/validation-failed`), or the account's limit reached"
                    + " (`/problems/too-many-universes`)")
      })
  ResponseEntity<UniverseResponse> create(
      @AuthenticationPrincipal AuthenticatedUser user,
      @Valid @RequestBody UniverseRequest request) {
    UniverseResponse created = universes.create(user, request);
    return ResponseEntity.created(URI.create(PATH + "/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  @Operation(
      operationId = "getUniverse",
      summary = "One universe with every symbol and those that have no data: yours or a shared one",
      responses = {
        @ApiResponse(responseCode = "200", description = "The universe"),
        @ApiResponse(responseCode = "404", description = NOT_READABLE)
      })
  UniverseResponse get(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    return universes.get(user, id);
  }

  @PutMapping("/{id}")
  @Operation(
      operationId = "updateUniverse",
      summary = "Replace a universe's name, description and symbols",
      description =
          "A full replacement: an omitted `description` clears it. Only the owner changes their"
              + " universe (anyone else gets 404); only administrators change a shared one.",
      responses = {
        @ApiResponse(responseCode = "200", description = "Replaced"),
        @ApiResponse(responseCode = "403", description = SHARED_FORBIDDEN),
        @ApiResponse(responseCode = "404", description = NOT_READABLE),
        @ApiResponse(
            responseCode = "422",
            description = "Invalid fields (`/problems/validation-failed`)")
      })
  UniverseResponse update(
      @AuthenticationPrincipal AuthenticatedUser user,
      @PathVariable UUID id,
      @Valid @RequestBody UniverseRequest request) {
    return universes.update(user, id, request);
  }

  @DeleteMapping("/{id}")
  @Operation(
      operationId = "deleteUniverse",
      summary = "Delete a universe; runs that used it keep their symbols",
      responses = {
        @ApiResponse(responseCode = "204", description = "Deleted"),
        @ApiResponse(responseCode = "403", description = SHARED_FORBIDDEN),
        @ApiResponse(responseCode = "404", description = NOT_READABLE)
      })
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal AuthenticatedUser user, @PathVariable UUID id) {
    universes.delete(user, id);
    return ResponseEntity.noContent().build();
  }
}
