package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.engine.series.BarCsv;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts rows and problems, keeps the first {@link BarImporter#MAX_LISTED} problems, finds repeated
 * times in a file that is in time order, and passes good rows on until the outcome is decided: once
 * a problem makes the import fail, rows are only counted (every problem is still reported).
 */
final class ImportChecks {

  /** Writes one good row into the COPY. */
  interface RowWriter {
    void write(BarCsv.Row row) throws IOException;
  }

  private final boolean skipBadRows;
  private final List<BarCsv.Problem> problems = new ArrayList<>();
  private int rowsRead;
  private int problemCount;
  private int sent;
  private long previousTime = Long.MIN_VALUE;
  private int previousLine;
  private boolean rising;
  private boolean falling;

  ImportChecks(boolean skipBadRows) {
    this.skipBadRows = skipBadRows;
  }

  BarCsv.Handler then(RowWriter writer) {
    return new BarCsv.Handler() {
      @Override
      public void row(BarCsv.Row r) throws IOException {
        rowsRead++;
        if (previousTime != Long.MIN_VALUE) {
          if (r.time() == previousTime) {
            // In a file in time order, a repeated time is the row right after its first
            // occurrence.
            problem(
                new BarCsv.Problem(r.line(), "duplicate time (also on line " + previousLine + ")"));
            return;
          }
          rising |= r.time() > previousTime;
          falling |= r.time() < previousTime;
        }
        previousTime = r.time();
        previousLine = r.line();
        if (problemCount == 0 || skipBadRows) {
          writer.write(r);
          sent++;
        }
      }

      @Override
      public void problem(BarCsv.Problem p) {
        rowsRead++;
        ImportChecks.this.problem(p);
      }
    };
  }

  void problem(BarCsv.Problem p) {
    problemCount++;
    if (problems.size() < BarImporter.MAX_LISTED) {
      // A reason quotes the row's text, which may hold a NUL or other control characters.
      problems.add(new BarCsv.Problem(p.line(), Printable.of(p.reason())));
    }
  }

  /** Whether the times only rise or only fall; else repeats were not all seen here. */
  boolean ordered() {
    return !(rising && falling);
  }

  /** Good rows passed on to the writer. */
  int sent() {
    return sent;
  }

  BarImporter.Outcome outcome() {
    List<BarCsv.Problem> listed = new ArrayList<>(problems);
    listed.sort(Comparator.comparingInt(BarCsv.Problem::line));
    boolean stored = problemCount == 0 || skipBadRows;
    return new BarImporter.Outcome(
        rowsRead, 0, 0, stored ? problemCount : 0, List.copyOf(listed), problemCount, stored);
  }
}
