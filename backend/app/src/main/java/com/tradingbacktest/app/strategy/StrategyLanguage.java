package com.tradingbacktest.app.strategy;

import com.tradingbacktest.engine.lang.FunctionSpec;
import com.tradingbacktest.engine.lang.LanguageCatalogue;
import com.tradingbacktest.engine.lang.StrategyCompiler;
import com.tradingbacktest.engine.lang.StrategyCompiler.Compilation;
import com.tradingbacktest.engine.lang.StrategyTemplates;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The engine's strategy language as the API offers it: compiling, the templates and the catalogue.
 * Templates and catalogue are fixed per release, so they are built once.
 */
@Component
class StrategyLanguage {

  private final List<StrategyTemplateResponse> templates;
  private final LanguageCatalogueResponse catalogue;

  StrategyLanguage() {
    this.templates =
        StrategyTemplates.all().stream()
            .map(
                t ->
                    new StrategyTemplateResponse(
                        t.id(),
                        t.name(),
                        t.nameKo(),
                        t.description(),
                        t.descriptionKo(),
                        t.source(),
                        validate(t.source()).parameters()))
            .toList();
    this.catalogue =
        new LanguageCatalogueResponse(
            LanguageCatalogue.functions().stream().map(StrategyLanguage::function).toList(),
            LanguageCatalogue.variables().stream()
                .map(
                    v ->
                        new LanguageCatalogueResponse.Variable(
                            v.name(), v.category(), v.description(), v.descriptionKo()))
                .toList(),
            LanguageCatalogue.outputs().stream()
                .map(
                    o ->
                        new LanguageCatalogueResponse.Output(
                            o.name(), o.type(), o.intrabar(), o.description()))
                .toList(),
            LanguageCatalogue.keywords(),
            LanguageCatalogue.limits());
  }

  /**
   * The parameters {@code code} declares; throws {@link InvalidStrategy} when it does not compile.
   */
  List<StrategyParameter> compile(String code) {
    Compilation compilation = StrategyCompiler.compile(code);
    if (!compilation.ok()) {
      throw new InvalidStrategy(StrategyCodeError.of(compilation.errors()));
    }
    return StrategyParameter.of(compilation.strategy().params());
  }

  StrategyValidationResponse validate(String code) {
    Compilation compilation = StrategyCompiler.compile(code);
    if (!compilation.ok()) {
      return new StrategyValidationResponse(
          false, StrategyCodeError.of(compilation.errors()), List.of(), List.of());
    }
    return new StrategyValidationResponse(
        true,
        List.of(),
        StrategyParameter.of(compilation.strategy().params()),
        compilation.strategy().outputNames());
  }

  List<StrategyTemplateResponse> templates() {
    return templates;
  }

  LanguageCatalogueResponse catalogue() {
    return catalogue;
  }

  private static LanguageCatalogueResponse.Function function(FunctionSpec spec) {
    return new LanguageCatalogueResponse.Function(
        spec.name(),
        spec.category(),
        spec.signature(),
        spec.params().stream()
            .map(
                a ->
                    new LanguageCatalogueResponse.Argument(
                        a.name(),
                        a.kind(),
                        a.defaultValue(),
                        a.defaultText(),
                        a.choices(),
                        a.required()))
            .toList(),
        spec.result(),
        spec.fields(),
        spec.description(),
        spec.descriptionKo(),
        spec.example());
  }
}
