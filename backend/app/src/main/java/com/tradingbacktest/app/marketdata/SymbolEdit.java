package com.tradingbacktest.app.marketdata;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An administrator's change to a symbol: its Korean name and KRX board. An omitted field stays as
 * it is.
 */
record SymbolEdit(
    @Schema(nullable = true, description = "The Korean name (삼성전자)")
        @Size(min = 1, max = NewSymbol.MAX_NAME, message = "must be 1-200 characters")
        String nameKo,
    @Schema(
            nullable = true,
            allowableValues = {"kospi", "kosdaq", "konex", "etf"})
        @Pattern(regexp = "kospi|kosdaq|konex|etf", message = "must be kospi, kosdaq, konex or etf")
        String board) {}
