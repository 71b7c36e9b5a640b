package com.tradingbacktest.app.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingbacktest.app.support.Api;
import com.tradingbacktest.app.support.Api.Response;
import com.tradingbacktest.app.support.IntegrationTest;
import com.tradingbacktest.app.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The same request in Korean and in English: the same problem {@code type}, the detail and every
 * listed message in the language asked for; anything but Korean is answered in English.
 */
class LocalizedProblemsIntegrationTests extends IntegrationTest {

  private String auth;

  @BeforeEach
  void signIn() {
    auth = Api.bearer(api.registerUser("i18n"));
  }

  @Test
  void aDomainErrorFollowsAcceptLanguage() {
    String path = "/api/v1/backtests/" + UUID.randomUUID();
    Response korean = api.get(path, "Authorization", auth, "Accept-Language", "ko-KR,ko;q=0.9");
    Response english = api.get(path, "Authorization", auth, "Accept-Language", "en-US");
    Response french = api.get(path, "Authorization", auth, "Accept-Language", "fr");

    assertThat(korean.problemType()).isEqualTo("/problems/not-found");
    assertThat(english.problemType()).isEqualTo("/problems/not-found");
    assertThat(korean.json().path("title").asString()).isEqualTo("찾을 수 없음");
    assertThat(korean.json().path("detail").asString())
        .startsWith("백테스트 ")
        .endsWith("을(를) 찾을 수 없습니다");
    assertThat(english.json().path("title").asString()).isEqualTo("Not found");
    assertThat(english.json().path("detail").asString())
        .startsWith("Backtest ")
        .endsWith(" was not found");
    assertThat(french.json().path("detail").asString())
        .isEqualTo(english.json().path("detail").asString());
  }

  @Test
  void fieldErrorsKeepTheirFieldAndSpeakTheLanguage() {
    Map<String, Object> body = Map.of("name", "", "code", "entry = close > 1");
    Response korean =
        api.post("/api/v1/strategies", body, "Authorization", auth, "Accept-Language", "ko");
    Response english = api.post("/api/v1/strategies", body, "Authorization", auth);

    assertThat(korean.status()).isEqualTo(422);
    assertThat(korean.problemType())
        .isEqualTo(english.problemType())
        .isEqualTo("/problems/validation-failed");
    JsonNode error = korean.json().path("errors").get(0);
    assertThat(error.path("field").asString()).isEqualTo("name");
    assertThat(error.path("message").asString()).isEqualTo("필수 항목입니다");
    assertThat(english.json().path("errors").get(0).path("message").asString())
        .isEqualTo("is required");
    assertThat(korean.json().path("title").asString()).isEqualTo("입력값 오류");
    assertThat(korean.json().path("detail").asString()).isEqualTo("name: 필수 항목입니다");
  }

  @Test
  void theUnauthorizedAnswerFollowsAcceptLanguage() {
    Response korean = api.get("/api/v1/backtests", "Accept-Language", "ko");
    Response english = api.get("/api/v1/backtests", "Accept-Language", "en");

    assertThat(korean.status()).isEqualTo(401);
    assertThat(korean.problemType())
        .isEqualTo(english.problemType())
        .isEqualTo("/problems/unauthorized");
    assertThat(korean.json().path("detail").asString()).startsWith("로그인하거나 유효한 액세스 토큰");
    assertThat(english.json().path("detail").asString())
        .startsWith("Sign in, or send a valid access token");
  }

  @Test
  void malformedJsonIsExplainedInKorean() {
    Response korean =
        api.post("/api/v1/strategies", "{not json", "Authorization", auth, "Accept-Language", "ko");

    assertThat(korean.problemType()).isEqualTo("/problems/malformed-request");
    assertThat(korean.json().path("title").asString()).isEqualTo("잘못된 형식의 요청");
    assertThat(korean.json().path("detail").asString()).isEqualTo("요청 본문이 올바른 JSON이 아닙니다.");
  }

  @Test
  void compileErrorsAtTheirPlaceAreTranslatedAndKeepTheSuggestion() {
    Map<String, Object> code = Map.of("code", "fast = smaa(close, 10)\nentry = close > fast");
    JsonNode korean =
        api.post(
                "/api/v1/strategies/validate", code, "Authorization", auth, "Accept-Language", "ko")
            .json();
    JsonNode english = api.post("/api/v1/strategies/validate", code, "Authorization", auth).json();

    JsonNode error = korean.path("errors").get(0);
    assertThat(error.path("line").asInt()).isEqualTo(1);
    assertThat(error.path("column").asInt())
        .isEqualTo(english.path("errors").get(0).path("column").asInt());
    assertThat(error.path("message").asString())
        .isEqualTo("알 수 없는 함수 'smaa'입니다. 'sma'을(를) 말씀하신 건가요?");
    assertThat(english.path("errors").get(0).path("message").asString())
        .isEqualTo("unknown function 'smaa'; did you mean 'sma'?");

    Response saved =
        api.post(
            "/api/v1/strategies",
            Map.of("name", "broken", "code", "entry = close > smaa(close, 10)"),
            "Authorization",
            auth,
            "Accept-Language",
            "ko");
    assertThat(saved.problemType()).isEqualTo("/problems/invalid-strategy");
    assertThat(saved.json().path("detail").asString())
        .isEqualTo("전략이 컴파일되지 않습니다: 1행 17열: 알 수 없는 함수 'smaa'입니다. 'sma'을(를) 말씀하신 건가요?");
    assertThat(saved.json().path("errors").get(0).path("message").asString())
        .startsWith("알 수 없는 함수 'smaa'");
  }

  @Test
  void aCsvImportListsItsBadRowsInKorean() {
    String csv =
        "date,open,high,low,close,volume\n2024-01-02,10,11,9,10,1\n2024-01-03,10,8,9,10,1\n";
    Map<String, String> fields =
        Map.of("symbol", "KO" + UUID.randomUUID().toString().substring(0, 6), "interval", "1d");
    Response korean =
        Multipart.uploadTo(
            port,
            "/api/v1/data/import",
            json,
            auth,
            "bars.csv",
            csv.getBytes(StandardCharsets.UTF_8),
            fields,
            "Accept-Language",
            "ko");

    assertThat(korean.status()).isEqualTo(422);
    assertThat(korean.problemType()).isEqualTo("/problems/import-rejected");
    JsonNode row = korean.json().path("bad_rows").get(0);
    assertThat(row.path("line").asInt()).isEqualTo(3);
    assertThat(row.path("reason").asString()).isEqualTo("고가 8이(가) 저가 9보다 낮습니다");
    assertThat(korean.json().path("detail").asString())
        .startsWith("1개 행에 오류가 있어(첫 오류: 3행, 고가 8이(가) 저가 9보다 낮습니다)");

    String importId = korean.json().path("import_id").asString();
    JsonNode logged =
        api.get("/api/v1/data/imports/" + importId, "Authorization", auth, "Accept-Language", "ko")
            .json();
    assertThat(logged.path("bad_rows").get(0).path("reason").asString())
        .isEqualTo("고가 8이(가) 저가 9보다 낮습니다");
    JsonNode loggedEnglish =
        api.get("/api/v1/data/imports/" + importId, "Authorization", auth).json();
    assertThat(loggedEnglish.path("bad_rows").get(0).path("reason").asString())
        .isEqualTo("high 8 is below low 9");
  }
}
