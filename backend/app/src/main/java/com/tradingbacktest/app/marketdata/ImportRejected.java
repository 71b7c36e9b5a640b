package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.ProblemKind;
import com.tradingbacktest.engine.series.BarCsv;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A file (or request) that was not imported; nothing was stored. Lists the bad rows, if any. */
final class ImportRejected extends DomainException {

  private final transient List<BarCsv.Problem> problems;
  private final int problemCount;
  private final UUID importId;

  private ImportRejected(
      String message, List<BarCsv.Problem> problems, int problemCount, UUID importId) {
    super(ProblemKind.UNPROCESSABLE, "import-rejected", message);
    this.problems = problems;
    this.problemCount = problemCount;
    this.importId = importId;
  }

  static ImportRejected of(String message) {
    return new ImportRejected(message, List.of(), 0, null);
  }

  static ImportRejected badRows(List<BarCsv.Problem> problems, int count, UUID importId) {
    BarCsv.Problem first = problems.get(0);
    return new ImportRejected(
        count
            + " row"
            + (count == 1 ? " has" : "s have")
            + " errors (first: line "
            + first.line()
            + ", "
            + first.reason()
            + "), so nothing was imported. Fix them, or import again "
            + "with skip_bad_rows=true to skip exactly these rows.",
        problems,
        count,
        importId);
  }

  /** Every row was bad, so skipping them left nothing (and, for a new symbol, no symbol). */
  static ImportRejected nothingLeft(List<BarCsv.Problem> problems, int count, UUID importId) {
    BarCsv.Problem first = problems.get(0);
    return new ImportRejected(
        "Every row has errors (first: line "
            + first.line()
            + ", "
            + first.reason()
            + "), so skipping them leaves nothing to import.",
        problems,
        count,
        importId);
  }

  ImportRejected withImportId(UUID id) {
    return new ImportRejected(getMessage(), problems, problemCount, id);
  }

  @Override
  public Map<String, Object> properties() {
    if (problems.isEmpty()) {
      return importId == null ? Map.of() : Map.of("import_id", importId);
    }
    List<Map<String, Object>> rows =
        problems.stream()
            .map(p -> Map.<String, Object>of("line", p.line(), "reason", p.reason()))
            .toList();
    return importId == null
        ? Map.of("bad_rows", rows, "bad_row_count", problemCount)
        : Map.of("bad_rows", rows, "bad_row_count", problemCount, "import_id", importId);
  }
}
