package com.tradingbacktest.app.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class TranslatorTests {

  private final Translator translator = new Translator(messages());

  static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename(Translator.BUNDLE);
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  @Test
  void translatesACompileErrorAndKeepsTheSuggestedIdentifier() {
    assertThat(translator.translate("unknown function 'smaa'; did you mean 'sma'?", Locale.KOREAN))
        .isEqualTo("알 수 없는 함수 'smaa'입니다. 'sma'을(를) 말씀하신 건가요?");
  }

  @Test
  void translatesWhatAMessageQuotesInsideIt() {
    assertThat(
            translator.translate(
                "2 rows have errors (first: line 3, high 8 is below low 9), so nothing was"
                    + " imported. Fix them, or import again with skip_bad_rows=true to skip"
                    + " exactly these rows.",
                Locale.KOREAN))
        .startsWith("2개 행에 오류가 있어(첫 오류: 3행, 고가 8이(가) 저가 9보다 낮습니다)");
    assertThat(
            translator.translate(
                "The run was stopped at its time limit of 2 minutes; shorten the date range, use a"
                    + " longer interval or simplify the strategy.",
                Locale.KOREAN))
        .isEqualTo("백테스트이(가) 시간 한도 2분에 도달해 중단되었습니다. 기간을 줄이거나 더 긴 봉 간격을 쓰거나 전략을 단순하게 하세요.");
  }

  @Test
  void leavesEnglishAndUnknownTextAlone() {
    String english = "unknown name 'foo'";
    assertThat(translator.translate(english, Locale.ENGLISH)).isSameAs(english);
    assertThat(translator.translate(english, Locale.FRENCH)).isSameAs(english);
    assertThat(translator.translate("nothing we know says this", Locale.KOREAN))
        .isEqualTo("nothing we know says this");
    assertThat(translator.translate(null, Locale.KOREAN)).isNull();
  }

  @Test
  void rendersABundleKeyWithItsArguments() {
    assertThat(translator.message("problem.too-many-runs", Locale.KOREAN, 3))
        .startsWith("대기 중이거나 실행 중인 백테스트가 이미 3개");
    assertThat(translator.message("problem.not-found", Locale.KOREAN, "Backtest 42"))
        .isEqualTo("백테스트 42을(를) 찾을 수 없습니다");
  }

  @Test
  void speaksOnlyEnglishAndKorean() {
    assertThat(Translator.supported(Locale.KOREA)).isEqualTo(Locale.KOREAN);
    assertThat(Translator.supported(Locale.JAPANESE)).isEqualTo(Locale.ENGLISH);
    assertThat(Translator.supported(null)).isEqualTo(Locale.ENGLISH);
  }
}
