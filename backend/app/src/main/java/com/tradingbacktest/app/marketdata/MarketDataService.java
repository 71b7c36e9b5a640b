package com.tradingbacktest.app.marketdata;

import com.tradingbacktest.app.common.error.DomainException;
import com.tradingbacktest.app.common.error.FieldValidationException;
import com.tradingbacktest.app.common.error.NotFoundException;
import com.tradingbacktest.app.common.error.PayloadTooLargeException;
import com.tradingbacktest.app.common.error.ProblemKind;
import com.tradingbacktest.engine.series.BarSeries;
import com.tradingbacktest.engine.series.BucketClock;
import com.tradingbacktest.engine.series.Interval;
import com.tradingbacktest.engine.series.Volumes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/** Symbols and bars: what other features (backtests, analytics) use to read market data. */
@Service
public class MarketDataService {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(MarketDataService.class);

  static final int MAX_PAGE = 10_000;

  private final SymbolRepository symbols;
  private final BarRepository bars;
  private final BarBlocks blocks;

  MarketDataService(SymbolRepository symbols, BarRepository bars, BarBlocks blocks) {
    this.symbols = symbols;
    this.bars = bars;
    this.blocks = blocks;
  }

  /**
   * The series of {@code ticker} that {@code userId} reads: with {@code dataset} null their own
   * upload when they have one, else the shared series; {@link Dataset#OWN} or {@link
   * Dataset#SHARED} only that one. Empty when there is none. Nobody reaches another user's upload.
   */
  public Optional<SymbolInfo> symbol(UUID userId, String ticker, Dataset dataset) {
    if (ticker == null || ticker.isEmpty() || SeriesKeys.isOwn(ticker)) {
      return Optional.empty();
    }
    Optional<SymbolInfo> own =
        dataset == Dataset.SHARED
            ? Optional.empty()
            : symbols
                .find(SeriesKeys.own(userId, ticker))
                .filter(s -> userId.equals(s.ownerId()) && s.symbol().equals(ticker));
    if (own.isPresent() || dataset == Dataset.OWN) {
      return own;
    }
    return symbols.find(ticker).filter(s -> s.ownerId() == null);
  }

  /**
   * The series a CSV that belongs to stored bars (funding rates, corporate actions) is imported
   * into, after the checks every such upload passes: a non-empty file of at most {@code maxBytes}
   * (413), readable as UTF-8 text (422 saying why not), going to the caller's own upload of {@code
   * ticker} (whose bars must exist) or, for administrators asking for it, the shared series (403
   * for others). {@code belongs} ends the message for a missing series, e.g. "funding belongs to a
   * series of bars".
   */
  SymbolInfo uploadTarget(
      UUID userId,
      boolean admin,
      Dataset dataset,
      MultipartFile file,
      String ticker,
      long maxBytes,
      String belongs)
      throws IOException {
    if (file.isEmpty()) {
      throw new FieldValidationException("file", "is empty");
    }
    if (file.getSize() > maxBytes) {
      throw new PayloadTooLargeException(maxBytes);
    }
    if (dataset == Dataset.SHARED && !admin) {
      throw new SharedDataForbidden();
    }
    Dataset target = dataset == null ? Dataset.OWN : dataset;
    SymbolInfo s =
        symbol(userId, ticker, target)
            .orElseThrow(
                () ->
                    new FieldValidationException(
                        "symbol",
                        target == Dataset.OWN
                            ? "you have no upload of "
                                + ticker
                                + "; import its bars first ("
                                + belongs
                                + ")"
                            : "there is no shared series of " + ticker));
    String unreadable = UploadedText.problem(file).orElse(null);
    if (unreadable != null) {
      throw ImportRejected.of(unreadable);
    }
    return s;
  }

  /**
   * {@link #symbol} for several tickers at once (one or two queries for those not cached), by
   * ticker; tickers {@code userId} cannot read are left out.
   */
  public Map<String, SymbolInfo> symbols(UUID userId, Collection<String> tickers, Dataset dataset) {
    List<String> readable =
        tickers.stream().filter(t -> t != null && !t.isEmpty() && !SeriesKeys.isOwn(t)).toList();
    Map<String, SymbolInfo> found = new LinkedHashMap<>();
    if (dataset != Dataset.SHARED) {
      Map<String, String> ownKeys = new LinkedHashMap<>();
      readable.forEach(t -> ownKeys.put(SeriesKeys.own(userId, t), t));
      symbols
          .findAll(ownKeys.keySet())
          .forEach(
              (key, s) -> {
                String ticker = ownKeys.get(key);
                if (userId.equals(s.ownerId()) && s.symbol().equals(ticker)) {
                  found.put(ticker, s);
                }
              });
    }
    if (dataset != Dataset.OWN) {
      List<String> rest = readable.stream().filter(t -> !found.containsKey(t)).toList();
      symbols
          .findAll(rest)
          .forEach(
              (key, s) -> {
                if (s.ownerId() == null) {
                  found.put(key, s);
                }
              });
    }
    return found;
  }

  /**
   * The stored ranges of one interval of several series, by series key; series without any are left
   * out.
   */
  public Map<String, DataRange> ranges(Collection<String> seriesKeys, Interval interval) {
    Map<String, DataRange> found = new HashMap<>();
    symbols
        .rangesOf(seriesKeys)
        .forEach(
            (key, ranges) ->
                ranges.stream()
                    .filter(r -> r.interval().equals(interval.code()))
                    .findFirst()
                    .ifPresent(r -> found.put(key, r)));
    return found;
  }

  /**
   * The symbol stored under {@code seriesKey} ({@link SymbolInfo#seriesKey}), whoever owns it: for
   * a run or an optimisation that resolved its series when it was created.
   */
  public Optional<SymbolInfo> series(String seriesKey) {
    return symbols.find(seriesKey);
  }

  /** {@link #series} for several keys at once, by key; keys with no symbol are left out. */
  public Map<String, SymbolInfo> seriesAll(Collection<String> seriesKeys) {
    return symbols.findAll(seriesKeys);
  }

  /**
   * Bars stored for one interval of a series ({@link SymbolInfo#seriesKey}): first, last and count,
   * or empty when none.
   */
  public Optional<DataRange> range(String seriesKey, Interval interval) {
    return symbols.ranges(seriesKey).stream()
        .filter(r -> r.interval().equals(interval.code()))
        .findFirst();
  }

  /**
   * When the stored bars of one interval of a series ({@link SymbolInfo#seriesKey}) last changed;
   * empty when none are stored. Bars read before that instant are still the bars stored now.
   */
  public Optional<Instant> lastWrite(String seriesKey, Interval interval) {
    return symbols.lastWrite(seriesKey, interval.code());
  }

  /**
   * Those of {@code tickers} that {@code userId} can run on: with bars of any interval in the
   * shared series or in their own upload. For lists of symbols (universes) checked all at once.
   */
  public Set<String> tickersWithBars(UUID userId, Collection<String> tickers) {
    return symbols.tickersWithBars(userId, tickers);
  }

  List<SymbolView> search(UUID userId, String query, String market, int limit) {
    List<SymbolInfo> found = symbols.search(userId, query, market, limit);
    var ranges = symbols.rangesOf(found.stream().map(SymbolInfo::seriesKey).toList());
    return found.stream()
        .map(s -> SymbolView.of(s, ranges.getOrDefault(s.seriesKey(), List.of())))
        .toList();
  }

  SymbolView describe(UUID userId, String ticker, Dataset dataset) {
    SymbolInfo s = require(userId, ticker, dataset);
    return SymbolView.of(s, symbols.ranges(s.seriesKey()));
  }

  /** An administrator's change of a symbol's board and Korean name (null: unchanged). */
  SymbolView edit(UUID userId, String ticker, Dataset dataset, String board, String nameKo) {
    SymbolInfo s = require(userId, ticker, dataset);
    symbols.rename(s.seriesKey(), board, nameKo);
    return describe(userId, ticker, dataset);
  }

  /** {@link #symbol}, or the 404 of an unknown symbol. */
  SymbolInfo require(UUID userId, String ticker, Dataset dataset) {
    return symbol(userId, ticker, dataset)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Symbol " + ticker + (dataset == null ? "" : " (" + dataset.code() + ")")));
  }

  /**
   * The engine's columns for bars with open time in [from, to), read with one streaming query: of
   * the series' blocks when they are current, else of its rows (and the blocks are rebuilt for next
   * time).
   *
   * @param symbol the series key ({@link SymbolInfo#seriesKey})
   * @throws NotFoundException for an unknown series
   */
  public BarSeries loadSeries(String symbol, Interval interval, Instant from, Instant to) {
    SymbolInfo s =
        symbols.find(symbol).orElseThrow(() -> new NotFoundException("Symbol " + symbol));
    int expected =
        range(symbol, interval).map(r -> (int) Math.min(r.barCount(), 50_000_000)).orElse(1024);
    long started = System.nanoTime();
    BarColumns c = new BarColumns(expected);
    boolean fromBlocks = blocks.read(symbol, interval.code(), from, to, c);
    if (!fromBlocks) {
      bars.load(symbol, interval.code(), from, to, c);
      if (c.size > 0) {
        blocks.rebuildLater(symbol, interval.code());
      }
    }
    c.trimmed();
    log.info(
        "Loaded {} {} bars of {} from {} in {} ms",
        c.size,
        interval.code(),
        symbol,
        fromBlocks ? "blocks" : "rows",
        (System.nanoTime() - started) / 1_000_000);
    return BarSeries.of(
        s.symbol(),
        interval,
        s.calendar(),
        s.zone(),
        c.time,
        c.open,
        c.high,
        c.low,
        c.close,
        c.volume);
  }

  /**
   * The bars of whole days {@code first} to {@code last} (inclusive), days counted in the symbol's
   * zone: how a run's dates become its bars.
   *
   * @param symbol the series key ({@link SymbolInfo#seriesKey})
   * @throws NotFoundException for an unknown series
   */
  public BarSeries loadDays(
      String symbol, Interval interval, java.time.LocalDate first, java.time.LocalDate last) {
    java.time.ZoneId zone =
        symbols.find(symbol).orElseThrow(() -> new NotFoundException("Symbol " + symbol)).zone();
    return loadSeries(
        symbol,
        interval,
        first.atStartOfDay(zone).toInstant(),
        last.plusDays(1).atStartOfDay(zone).toInstant());
  }

  /**
   * {@link #loadDays} for several series of one interval (a portfolio's), each over days {@code
   * first} to {@code last} in its own zone: one COPY of all their blocks, and the rows of any
   * series whose blocks are not current (those are rebuilt for next time). In the order of {@code
   * series}, each named by its ticker.
   */
  public List<BarSeries> loadDaysOfMany(
      List<SymbolInfo> series,
      Interval interval,
      java.time.LocalDate first,
      java.time.LocalDate last) {
    long started = System.nanoTime();
    int n = series.size();
    List<String> keys = series.stream().map(SymbolInfo::seriesKey).toList();
    Map<String, DataRange> ranges = ranges(keys, interval);
    long[] from = new long[n];
    long[] to = new long[n];
    BarColumns[] columns = new BarColumns[n];
    for (int i = 0; i < n; i++) {
      java.time.ZoneId zone = series.get(i).zone();
      from[i] = first.atStartOfDay(zone).toInstant().toEpochMilli();
      to[i] = last.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
      DataRange range = ranges.get(keys.get(i));
      columns[i] =
          new BarColumns(range == null ? 16 : (int) Math.min(range.barCount(), 50_000_000));
    }
    boolean[] fromBlocks = blocks.readMany(keys, interval.code(), from, to, columns);
    int fromRows = 0;
    List<BarSeries> loaded = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      BarColumns c = columns[i];
      if (!fromBlocks[i]) {
        fromRows++;
        bars.load(
            keys.get(i),
            interval.code(),
            Instant.ofEpochMilli(from[i]),
            Instant.ofEpochMilli(to[i]),
            c);
        if (c.size > 0) {
          blocks.rebuildLater(keys.get(i), interval.code());
        }
      }
      c.trimmed();
      SymbolInfo s = series.get(i);
      loaded.add(
          BarSeries.of(
              s.symbol(),
              interval,
              s.calendar(),
              s.zone(),
              c.time,
              c.open,
              c.high,
              c.low,
              c.close,
              c.volume));
    }
    log.info(
        "Loaded {} {} series ({} of them from rows) in {} ms",
        n,
        interval.code(),
        fromRows,
        (System.nanoTime() - started) / 1_000_000);
    return loaded;
  }

  /**
   * One page of history. With {@code resampleTo} the stored {@code interval} bars are aggregated on
   * the fly (buckets in the symbol's zone, stock sessions from their open); pages then hold whole
   * buckets.
   */
  HistoryPage history(
      SymbolInfo s,
      Interval interval,
      Instant start,
      Instant end,
      Interval resampleTo,
      int limit,
      String cursor) {
    return history(s, interval, start, end, resampleTo, limit, cursor, null);
  }

  /**
   * {@link #history} over {@code source}, the series' bars already read (in another price basis,
   * {@link HistoryPrices}); null: streamed from the stored bars.
   */
  HistoryPage history(
      SymbolInfo s,
      Interval interval,
      Instant start,
      Instant end,
      Interval resampleTo,
      int limit,
      String cursor,
      BarSeries source) {
    String symbol = s.seriesKey();
    if (!end.isAfter(start)) {
      throw new FieldValidationException("end", "must be after start");
    }
    if (resampleTo != null && resampleTo != interval && !resampleTo.isMultipleOf(interval)) {
      throw new FieldValidationException(
          "resample_to",
          "must be a coarser multiple of "
              + interval.code()
              + " (e.g. 1m -> 5m, 15m, 1h, 4h, 1d, 1w)");
    }
    Instant from = cursor == null ? start : decodeCursor(cursor);
    if (from.isBefore(start)) {
      throw new InvalidCursor();
    }
    List<HistoryBar> page = new ArrayList<>(Math.min(limit, 1024));
    long[] next = {Long.MIN_VALUE};
    // Without resampling, current never starts.
    Aggregate current = new Aggregate();
    BarRepository.BarSink sink;
    if (resampleTo == null || resampleTo == interval) {
      sink =
          (t, o, h, l, c, v) -> {
            if (page.size() == limit) {
              next[0] = t;
              return false;
            }
            page.add(new HistoryBar(Instant.ofEpochMilli(t), o, h, l, c, v));
            return true;
          };
    } else {
      BucketClock clock = new BucketClock(s.zone(), resampleTo, s.calendar());
      sink =
          (t, o, h, l, c, v) -> {
            long bucket = clock.bucketStart(t);
            if (current.started && bucket != current.time) {
              if (page.size() == limit) {
                // That bucket is complete but did not fit: the next page starts with it.
                next[0] = current.time;
                return false;
              }
              page.add(current.toBar());
              current.started = false;
            }
            current.add(bucket, o, h, l, c, v);
            return true;
          };
    }
    if (source == null) {
      bars.stream(symbol, interval.code(), from, end, sink);
    } else {
      feed(source, from, end, sink);
    }
    if (current.started && next[0] == Long.MIN_VALUE) {
      if (page.size() < limit) {
        page.add(current.toBar());
      } else {
        next[0] = current.time;
      }
    }
    String nextCursor =
        next[0] == Long.MIN_VALUE ? null : encodeCursor(Instant.ofEpochMilli(next[0]));
    return new HistoryPage(
        s.symbol(),
        s.dataset().code(),
        interval.code(),
        resampleTo == null ? interval.code() : resampleTo.code(),
        s.timeZone(),
        page,
        nextCursor);
  }

  /** The bars of {@code source} opening in {@code [from, to)} into {@code sink}, until it stops. */
  private static void feed(BarSeries source, Instant from, Instant to, BarRepository.BarSink sink) {
    long[] times = source.times();
    long first = from.toEpochMilli();
    long end = to.toEpochMilli();
    int i = java.util.Arrays.binarySearch(times, first);
    for (i = i < 0 ? -i - 1 : i; i < times.length && times[i] < end; i++) {
      if (!sink.accept(
          times[i],
          source.open()[i],
          source.high()[i],
          source.low()[i],
          source.close()[i],
          source.volume()[i])) {
        return;
      }
    }
  }

  static String encodeCursor(Instant next) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("t:" + next.toEpochMilli()).getBytes(StandardCharsets.US_ASCII));
  }

  static Instant decodeCursor(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (!text.startsWith("t:")) {
        throw new InvalidCursor();
      }
      return Instant.ofEpochMilli(Long.parseLong(text.substring(2)));
    } catch (IllegalArgumentException e) {
      throw new InvalidCursor();
    }
  }

  /** The bucket being built while resampling. */
  private static final class Aggregate {
    boolean started;
    long time;
    double open;
    double high;
    double low;
    double close;
    double volume;

    void add(long bucket, double o, double h, double l, double c, double v) {
      if (!started) {
        started = true;
        time = bucket;
        open = o;
        high = h;
        low = l;
        volume = 0;
      }
      high = Math.max(high, h);
      low = Math.min(low, l);
      close = c;
      volume = Volumes.add(volume, v);
    }

    HistoryBar toBar() {
      return new HistoryBar(Instant.ofEpochMilli(time), open, high, low, close, volume);
    }
  }

  /** A cursor that this API did not hand out (or for another range). */
  static final class InvalidCursor extends DomainException {
    InvalidCursor() {
      super(ProblemKind.BAD_REQUEST, "invalid-cursor", List.of());
    }
  }
}
