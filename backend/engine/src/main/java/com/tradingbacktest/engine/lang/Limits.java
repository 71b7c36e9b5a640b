package com.tradingbacktest.engine.lang;

/**
 * What one strategy may use; each limit has its own clear error. Memory depends on the bars and the
 * process, so it is not here but in {@link EvaluationLimits}.
 */
public final class Limits {

  /** Characters of source. */
  public static final int MAX_SOURCE_CHARS = 64 * 1024;

  /** Statements (parameters, assignments and plots). */
  public static final int MAX_STATEMENTS = 500;

  /** Levels of nested brackets and prefix operators: bounds the parser's stack. */
  public static final int MAX_NESTING = 64;

  /** Height of one statement's expression tree (a chain a + b + c ... counts each operator). */
  public static final int MAX_EXPRESSION_DEPTH = 256;

  /** The furthest a history reference or an indicator length may look back, in bars. */
  public static final int MAX_LOOKBACK = 10_000;

  /** {@code constraint} statements: each is checked for every combination of a grid. */
  public static final int MAX_CONSTRAINTS = 20;

  /** Parameters. */
  public static final int MAX_PARAMS = 50;

  /** Characters of one text literal (a plot's title, a colour). */
  public static final int MAX_TEXT_CHARS = 100;

  /** Plots one strategy may draw: each is stored with the run, so they are bounded. */
  public static final int MAX_PLOTS = 16;

  /** Characters of a plot's title: a legend entry. */
  public static final int MAX_PLOT_TITLE_CHARS = 40;

  /**
   * Cross-sectional functions nested inside each other ({@code rank(zscore_cs(x))} is 2): each
   * level is one more pass over every symbol of the universe.
   */
  public static final int MAX_CROSS_NESTING = 4;

  /** Symbols one universe evaluation may hold (the API's limit for a portfolio run). */
  public static final int MAX_UNIVERSE_SYMBOLS = 500;

  private Limits() {}
}
