package com.tradingbacktest.app.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A working strategy to start from. */
record StrategyTemplateResponse(
    @Schema(example = "sma_crossover") String id,
    @Schema(example = "SMA crossover") String name,
    @Schema(example = "단순 이동평균 교차") String nameKo,
    String description,
    String descriptionKo,
    @Schema(description = "Strategy-language source") String code,
    List<StrategyParameter> parameters) {}
