package com.tradingbacktest.app.marketdata;

import static com.tradingbacktest.app.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.Multipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A file or field the import cannot take is a clear 4xx that says what to do; the import's log
 * entry ends {@code failed} (never {@code running}), and a new symbol is not left behind.
 */
class ImportRejectionIntegrationTests extends IntegrationTest {

  private static final String CSV = "date,open,high,low,close,volume\n2024-01-02,10,11,9,10,1\n";

  @Autowired JdbcClient jdbc;

  String auth;

  @BeforeEach
  void signIn() {
    auth = bearer(api.registerUser("reject"));
  }

  @Test
  void aGzipFileIsRejectedWithAdvice() {
    assertUnreadable(gzip(CSV.getBytes(StandardCharsets.UTF_8)), "gzip-compressed");
  }

  @Test
  void aZipArchiveIsRejectedWithAdvice() {
    assertUnreadable(zip(CSV.getBytes(StandardCharsets.UTF_8)), "ZIP archive");
  }

  @Test
  void utf16FilesAreRejectedWithAdviceWithOrWithoutAByteOrderMark() {
    assertUnreadable(("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_16LE), "UTF-16");
    assertUnreadable(CSV.getBytes(StandardCharsets.UTF_16BE), "UTF-16");
    assertUnreadable(CSV.getBytes(StandardCharsets.UTF_16LE), "UTF-16");
  }

  @Test
  void aNulInTheHeaderIsRejectedAndTheImportEndsFailed() {
    String csv = "date,op\u0000en,high,low,close\n2024-01-02,10,11,9,10\n";

    assertUnreadable(csv.getBytes(StandardCharsets.UTF_8), "NUL byte");
  }

  @Test
  void aKoreanEucKrFileIsNamedAsSuchInsteadOfQuotingGarbledHeaders() {
    byte[] euckr =
        "날짜,시가,고가,저가,종가,거래량\n2024-01-02,10,11,9,10,1\n".getBytes(Charset.forName("EUC-KR"));

    Response response = assertUnreadable(euckr, "EUC-KR/CP949");

    assertThat(response.json().path("detail").asString()).doesNotContain("\uFFFD");
  }

  @Test
  void aNulInARowPastTheSampleIsABadRowStoredSafely() {
    StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
    java.time.LocalDate day = java.time.LocalDate.of(2000, 1, 1);
    while (csv.length() <= UploadedText.SAMPLE_BYTES) {
      csv.append(day).append(",10,11,9,10,1\n");
      day = day.plusDays(1);
    }
    csv.append(day).append(",10,1\u00001,9,10,1\n");
    String symbol = newSymbol();

    Response response = upload(symbol, csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.problemType()).isEqualTo("/problems/import-rejected");
    assertThat(response.json().path("bad_rows").get(0).path("reason").asString())
        .isEqualTo("high '1\uFFFD1' is not a number");
    assertImportFailed(response);
    assertNothingStored(symbol);
  }

  @Test
  void badNewSymbolFieldsAreFieldErrorsBeforeAnythingIsWritten() {
    String symbol = newSymbol();
    int importsBefore = importCount();

    Response response =
        uploadGood(
            symbol,
            Map.of(
                "name", "n".repeat(201),
                "currency", "ABCDEFGHIJK",
                "tick_size", "1e40",
                "lot_size", "1e-20"));

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.problemType()).isEqualTo("/problems/validation-failed");
    assertThat(fields(response))
        .containsExactlyInAnyOrder("name", "currency", "tick_size", "lot_size");
    assertThat(response.json().path("detail").asString())
        .contains("name: must be at most 200 characters")
        .contains("tick_size: must be between 0.000000000001 and 1000000000");
    assertNothingStored(symbol);
    assertThat(importCount()).isEqualTo(importsBefore);
  }

  @Test
  void aTickSizeTooFineForTheTableIsAFieldError() {
    String symbol = newSymbol();

    Response response =
        uploadGood(symbol, Map.of("tick_size", "0.0000000000015", "currency", "US D"));

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(fields(response)).containsExactlyInAnyOrder("tick_size", "currency");
    assertNothingStored(symbol);
  }

  @Test
  void aBadFileNameIsAFieldErrorNotATooLargeUpload() {
    Map<String, Integer> statusByName =
        Map.of(
            "x".repeat(1000) + ".csv",
            422,
            "a\u0001b.csv",
            422,
            // Tomcat refuses it while reading the upload, before the controller.
            "a\u0000b.csv",
            400);
    statusByName.forEach(
        (name, status) -> {
          String symbol = newSymbol();

          Response response =
              Multipart.upload(
                  port,
                  json,
                  auth,
                  name,
                  CSV.getBytes(StandardCharsets.UTF_8),
                  Map.of("symbol", symbol, "interval", "1d"));

          assertThat(response.status()).as(response.toString()).isEqualTo(status);
          assertThat(fields(response)).containsExactly("file");
          assertNothingStored(symbol);
        });
  }

  @Test
  void partHeadersBeyondTheServersLimitAreAMalformedRequestNotATooLargeUpload() {
    String symbol = newSymbol();

    Response response =
        Multipart.upload(
            port,
            json,
            auth,
            "x".repeat(10_000) + ".csv",
            CSV.getBytes(StandardCharsets.UTF_8),
            Map.of("symbol", symbol, "interval", "1d"));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().path("detail").asString()).contains("file name");
    assertNothingStored(symbol);
  }

  static Stream<Arguments> rejectedFiles() {
    return Stream.of(
        Arguments.of(
            "a bad row", "date,open,high,low,close\n2024-01-02,10,eleven,9,10\n", Map.of(), ""),
        Arguments.of(
            "every row skipped",
            "date,open,high,low,close\n2024-01-02,10,eleven,9,10\n",
            Map.of("skip_bad_rows", "true"),
            "leaves nothing to import"),
        Arguments.of("a header only", "date,open,high,low,close\n", Map.of(), "no rows"),
        Arguments.of("a bad header", "when,price\n2024-01-02,1\n", Map.of(), ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedFiles")
  void aRejectedFileLeavesNoNewSymbolBehind(
      String file, String csv, Map<String, String> options, String detail) {
    String symbol = newSymbol();

    Response rejected = upload(symbol, csv.getBytes(StandardCharsets.UTF_8), options);

    assertThat(rejected.status()).as(rejected.toString()).isEqualTo(422);
    assertThat(rejected.json().path("detail").asString()).contains(detail);
    assertImportFailed(rejected);
    assertNothingStored(symbol);
  }

  @Test
  void aGoodFileStillCreatesItsSymbolWithItsBars() {
    String symbol = newSymbol();

    Response imported =
        uploadGood(
            symbol, Map.of("name", "Good Co", "currency", "krw", "tick_size", "0.000000000001"));

    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    JsonNode found =
        api.get("/api/v1/data/symbols?query=" + symbol, "Authorization", auth).json().get(0);
    assertThat(found.path("name").asString()).isEqualTo("Good Co");
    assertThat(found.path("currency").asString()).isEqualTo("KRW");
    assertThat(found.path("intervals").get(0).path("bar_count").asLong()).isEqualTo(1);
  }

  private Response assertUnreadable(byte[] content, String cause) {
    String symbol = newSymbol();

    Response response = upload(symbol, content, Map.of());

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.problemType()).isEqualTo("/problems/import-rejected");
    assertThat(response.json().path("detail").asString()).contains(cause);
    assertThat(response.body())
        .doesNotContain("Exception")
        .doesNotContain("\\u0000")
        .doesNotContainIgnoringCase("sql");
    assertImportFailed(response);
    assertNothingStored(symbol);
    return response;
  }

  private void assertImportFailed(Response response) {
    String id = response.json().path("import_id").asString();
    assertThat(id).isNotEmpty();
    JsonNode logged = api.get("/api/v1/data/imports/" + id, "Authorization", auth).json();
    assertThat(logged.path("status").asString()).isEqualTo("failed");
    assertThat(logged.path("error").asString()).isNotEmpty();
  }

  private void assertNothingStored(String symbol) {
    assertThat(count("select count(*) from symbols where symbol = ?", symbol)).isZero();
    assertThat(count("select count(*) from market_data where symbol = ?", symbol)).isZero();
    assertThat(count("select count(*) from market_data_ranges where symbol = ?", symbol)).isZero();
    assertThat(
            count(
                "select count(*) from data_imports where symbol = ? and status <> 'failed'",
                symbol))
        .isZero();
  }

  private int importCount() {
    return api.get("/api/v1/data/imports", "Authorization", auth).json().size();
  }

  private long count(String sql, String symbol) {
    return jdbc.sql(sql).param(symbol).query(Long.class).single();
  }

  private static List<String> fields(Response response) {
    List<String> fields = new java.util.ArrayList<>();
    response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
    return fields;
  }

  /** Uploads the good {@link #CSV}: only the fields in {@code extra} can be wrong. */
  private Response uploadGood(String symbol, Map<String, String> extra) {
    return upload(symbol, CSV.getBytes(StandardCharsets.UTF_8), extra);
  }

  private Response upload(String symbol, byte[] content, Map<String, String> extra) {
    Map<String, String> fields = new HashMap<>(extra);
    fields.put("symbol", symbol);
    fields.put("interval", "1d");
    return Multipart.upload(port, json, auth, "bars.csv", content, fields);
  }

  private static String newSymbol() {
    return "REJ" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] zip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("bars.csv"));
      zip.write(content);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
