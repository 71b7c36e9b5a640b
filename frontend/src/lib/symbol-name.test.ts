import { describe, expect, it } from "vitest";
import { symbolView } from "@/test/fixtures";
import { symbolLabel, symbolName } from "./symbol-name";

const SAMSUNG = symbolView({ symbol: "005930", name: "Samsung Electronics", name_ko: "삼성전자", market: "KRX" });

describe("a symbol's name in the reader's language", () => {
  it("is the Korean name in Korean and the English one in English", () => {
    expect(symbolLabel(SAMSUNG, "ko")).toBe("삼성전자 (005930)");
    expect(symbolLabel(SAMSUNG, "en")).toBe("Samsung Electronics (005930)");
    expect(symbolName(SAMSUNG, "ko")).toBe("삼성전자");
  });

  it("falls back to the English name without a Korean one, and to the ticker without any", () => {
    expect(symbolLabel(symbolView({ symbol: "AAPL", name: "Apple Inc.", name_ko: null }), "ko")).toBe("Apple Inc. (AAPL)");
    expect(symbolLabel(symbolView({ symbol: "XYZ", name: "XYZ", name_ko: "  " }), "ko")).toBe("XYZ");
    expect(symbolLabel(symbolView({ symbol: "XYZ", name: "" }), "en")).toBe("XYZ");
  });
});
