package com.tradingbacktest.engine.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/STRATEGY_LANGUAGE.md and the implementation agree. */
class DocumentationTests {

  private static final Path DOC = Path.of("../../docs/STRATEGY_LANGUAGE.md");

  @Test
  void documentsEveryBuiltInAndOutput() throws IOException {
    String doc = Files.readString(DOC);

    for (FunctionSpec f : LanguageCatalogue.functions()) {
      assertThat(doc).as("documents %s", f.name()).contains("`" + f.signature() + "`");
    }
    for (LanguageCatalogue.OutputSpec o : LanguageCatalogue.outputs()) {
      assertThat(doc).as("documents output %s", o.name()).contains("`" + o.name() + "`");
    }
    for (LanguageCatalogue.Variable v : LanguageCatalogue.variables()) {
      assertThat(doc).as("documents %s", v.name()).contains("`" + v.name() + "`");
    }
    assertThat(doc)
        .contains(
            String.format("%,d", Limits.MAX_SOURCE_CHARS),
            String.valueOf(Limits.MAX_STATEMENTS),
            String.format("%,d", Limits.MAX_LOOKBACK));
  }

  @Test
  void everyExampleCompiles() throws IOException {
    String doc = Files.readString(DOC);
    String examples = doc.substring(doc.indexOf("## Examples"));
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL).matcher(examples);
    while (m.find()) {
      blocks.add(m.group(1));
    }

    assertThat(blocks).hasSizeGreaterThanOrEqualTo(12);
    for (String source : blocks) {
      assertThat(StrategyCompiler.compile(source).errors()).as("example:%n%s", source).isEmpty();
    }
    String intro = doc.substring(0, doc.indexOf("## Lexical"));
    Matcher first = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL).matcher(intro);
    assertThat(first.find()).isTrue();
    assertThat(StrategyCompiler.compile(first.group(1)).errors()).isEmpty();
  }
}
