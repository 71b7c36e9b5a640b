package com.tradingbacktest.engine.robust;

/**
 * One walk-forward window as bar indices (half-open) into the bar times it was planned on: the grid
 * is searched on {@code [trainFrom, trainTo)}, the chosen combination traded on {@code [testFrom,
 * testTo)}; {@code testFrom - trainTo} is the gap.
 *
 * @param number 1 for the first window
 */
public record WalkForwardWindow(int number, int trainFrom, int trainTo, int testFrom, int testTo) {}
