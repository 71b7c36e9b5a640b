package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.common.error.PayloadTooLargeException;
import com.tradingbacktest.engine.prices.ActionsCsv;
import com.tradingbacktest.engine.prices.CorporateActions;
import com.tradingbacktest.engine.prices.PriceBasis;
import com.tradingbacktest.engine.series.Interval;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The corporate actions (splits, cash dividends, halts) of each series and the basis its bars are
 * stored in: what runs and charts need to adjust prices at read time (docs/DATA.md, "Corporate
 * actions"). Actions belong to a series key as bars do: one user's actions CSV never changes
 * another's series.
 */
@Service
public class CorporateActionsService {

  private static final Logger log = LoggerFactory.getLogger(CorporateActionsService.class);

  /** The largest actions CSV accepted: a century of daily halts fits in far less. */
  static final long MAX_FILE_BYTES = 1024L * 1024;

  /** The most lines an actions CSV may have, and the most actions a series may hold. */
  static final int MAX_ROWS = 20_000;

  private final MarketDataService data;
  private final CorporateActionsRepository repository;
  private final DataSource dataSource;

  CorporateActionsService(
      MarketDataService data, CorporateActionsRepository repository, DataSource dataSource) {
    this.data = data;
    this.repository = repository;
    this.dataSource = dataSource;
  }

  /**
   * The actions of a series, sorted by date; {@link CorporateActions#NONE} when it has none.
   *
   * @param seriesKey {@link SymbolInfo#seriesKey}
   */
  public CorporateActions actions(String seriesKey) {
    return repository.actions(seriesKey);
  }

  /**
   * The basis the bars of one interval of a series are stored in: {@link PriceBasis#RAW} or {@link
   * PriceBasis#SPLIT_ADJUSTED}; raw when it has no bars.
   */
  public PriceBasis basis(String seriesKey, Interval interval) {
    return repository
        .basis(seriesKey, interval.code())
        .map(CorporateActionsRepository.Basis::basis)
        .orElse(PriceBasis.RAW);
  }

  /** The actions of the series of {@code ticker} the caller reads (404 as for its bars). */
  ActionsView list(UUID userId, String ticker, Dataset dataset) {
    SymbolInfo s = data.require(userId, ticker, dataset);
    return view(s, 0);
  }

  /**
   * Imports an actions CSV ({@code date,type,value,end_date}) into a series the caller may write:
   * their own upload of the ticker (whose bars must exist), or, for administrators asking for it,
   * the shared series. All or nothing: a bad line stores nothing and names the line.
   */
  ActionsView importCsv(
      UUID userId, boolean admin, Dataset dataset, MultipartFile file, String ticker)
      throws IOException {
    SymbolInfo s =
        data.uploadTarget(
            userId,
            admin,
            dataset,
            file,
            ticker,
            MAX_FILE_BYTES,
            "actions belong to a series of bars");
    String text = read(file);
    long lines = text.lines().count();
    if (lines > MAX_ROWS + 1) {
      throw ImportRejected.of(
          "The file has "
              + lines
              + " lines; an actions file holds at most "
              + MAX_ROWS
              + " actions. Nothing was imported.");
    }
    CorporateActions parsed;
    try {
      parsed = ActionsCsv.parse(text);
    } catch (IllegalArgumentException e) {
      throw ImportRejected.of(
          Printable.of(e.getMessage())
              + ". Nothing was imported: the columns are date,type,value,end_date with type split"
              + " (value 2, 2:1 or 1:10), dividend (cash per share) or halt (date to end_date).");
    }
    if (parsed.isEmpty()) {
      throw ImportRejected.of("The file has no actions; nothing was imported.");
    }
    if (repository.find(s.seriesKey()).size() + parsed.actions().size() > MAX_ROWS) {
      throw ImportRejected.of(
          "A series holds at most " + MAX_ROWS + " actions; nothing was imported.");
    }
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        CorporateActionsRepository.upsert(
            c, s.seriesKey(), parsed.actions(), CorporateActionsRepository.Source.CSV, userId);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Could not store actions of " + ticker, e);
    }
    log.info(
        "Imported {} corporate actions of {} ({})",
        parsed.actions().size(),
        ticker,
        s.dataset().code());
    return view(s, parsed.actions().size());
  }

  private ActionsView view(SymbolInfo s, int imported) {
    List<ActionView> actions = repository.find(s.seriesKey()).stream().map(ActionView::of).toList();
    return new ActionsView(s.symbol(), s.dataset().code(), imported, actions);
  }

  /** The file as text; its size was checked, so it fits in memory. */
  private static String read(MultipartFile file) throws IOException {
    try (InputStream in = file.getInputStream()) {
      byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        throw new PayloadTooLargeException(MAX_FILE_BYTES);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
