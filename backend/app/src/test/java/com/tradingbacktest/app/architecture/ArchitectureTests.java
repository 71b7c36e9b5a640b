package com.tradingbacktest.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of docs/ARCHITECTURE.md: the engine sees nothing of Spring, persistence or the
 * app; common depends on no feature; no cycles between features, nor between the sub-packages of
 * one feature; a feature's sub-packages use each other's public classes freely, but another feature
 * reaches it only through public types at its top level (e.g. {@code backtest.BacktestResults},
 * never {@code backtest.run.BacktestRepository}).
 */
class ArchitectureTests {

  private static final String APP = "com.tradingbacktest.app";
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("com.tradingbacktest");

  @Test
  void engineIsPureJava() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("com.tradingbacktest.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "org.springframework..",
                "jakarta..",
                "javax.persistence..",
                "javax.sql..",
                "java.sql..",
                "org.hibernate..",
                "com.tradingbacktest.app..")
            .allowEmptyShould(true);
    rule.check(CLASSES);
  }

  @Test
  void commonDependsOnNoFeature() {
    noClasses()
        .that()
        .resideInAPackage(APP + ".common..")
        .should()
        .dependOnClassesThat(belongToAFeature())
        .check(CLASSES);
  }

  @Test
  void featuresHaveNoCycles() {
    slices().matching(APP + ".(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void subPackagesOfAFeatureHaveNoCycles() {
    slices()
        .matching(APP + ".(*).(*)..")
        .namingSlices("$1.$2")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  /**
   * Monte Carlo analyses read runs (executed again through {@code backtest.run.RunReplay}); nothing
   * reads them, so deleting the feature touches nothing else.
   */
  @Test
  void nothingDependsOnMonteCarloAnalysesAndTheyReachOnlyRuns() {
    String monteCarlo = APP + ".backtest.montecarlo..";
    ArchRuleDefinition.noClasses()
        .that()
        .resideOutsideOfPackage(monteCarlo)
        .and()
        .resideInAPackage(APP + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(monteCarlo)
        .check(CLASSES);
    ArchRuleDefinition.noClasses()
        .that()
        .resideInAPackage(monteCarlo)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(APP + ".backtest.optimize..", APP + ".backtest.events..")
        .check(CLASSES);
  }

  @Test
  void featuresUseEachOtherOnlyThroughPublicTopLevelTypes() {
    ArchRuleDefinition.classes()
        .that(belongToAFeature())
        .should(onlyReachOtherFeaturesThroughTheirApi())
        .check(CLASSES);
  }

  private static DescribedPredicate<JavaClass> belongToAFeature() {
    return DescribedPredicate.describe(
        "belong to a feature",
        c ->
            c.getPackageName().startsWith(APP + ".")
                && feature(c) != null
                && !"common".equals(feature(c)));
  }

  private static ArchCondition<JavaClass> onlyReachOtherFeaturesThroughTheirApi() {
    return new ArchCondition<>("only use other features through their public top-level types") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String from = feature(origin);
        origin
            .getDirectDependenciesFromSelf()
            .forEach(
                dependency -> {
                  JavaClass target = dependency.getTargetClass();
                  String to = feature(target);
                  if (to == null || to.equals(from) || "common".equals(to)) {
                    return;
                  }
                  boolean api =
                      target.getModifiers().contains(JavaModifier.PUBLIC)
                          && target.getPackageName().equals(APP + "." + to);
                  if (!api) {
                    events.add(
                        SimpleConditionEvent.violated(
                            dependency,
                            dependency.getDescription()
                                + " reaches into feature '"
                                + to
                                + "' past its public API"));
                  }
                });
      }
    };
  }

  /** The feature a class belongs to: the package segment under the app's root, or null. */
  private static String feature(JavaClass c) {
    String pkg = c.getPackageName();
    if (!pkg.startsWith(APP + ".")) {
      return null;
    }
    String rest = pkg.substring(APP.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
