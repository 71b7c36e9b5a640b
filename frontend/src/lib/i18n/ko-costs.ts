import type { enCosts } from "./en-costs";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** 실행 비용과 기간의 한국어 (en-costs.ts와 같은 키, 타입이 확인). */
export const koCosts: Shape<typeof enCosts> = {
  costParts: {
    title: "이 프리셋이 부과하는 비용",
    commission: "체결마다 수수료 {rate}",
    commissionNone: "수수료 없음",
    sellTax: "매도 시 세금 {rate}",
    secFee: "SEC 수수료 {rate} (매도)",
    taf: "FINRA TAF 주당 {fee} (최대 {cap}, 매도)",
    datedNote: "SEC·FINRA 수수료는 시기마다 달라 매도마다 그날의 요율을 냅니다 (표시: {date}부터).",
    spread: "스프레드 체결마다 {rate} (슬리피지)",
    slippageTicks: "체결마다 슬리피지 {ticks}틱",
    perShare: "주당 {fee}, {sides}",
    perShareCapped: "주당 {fee} (체결당 최대 {cap}), {sides}",
    sides: {
      sell: "매도만",
      both: "매수·매도 모두",
    },
    nothing: "수수료, 세금, 슬리피지가 없습니다.",
    loading: "프리셋 비용을 불러오는 중…",
    fields: {
      per_share_fee: "주당 수수료",
      per_share_fee_cap: "체결당 주당 수수료 상한",
      per_share_fee_sides: "주당 수수료 적용",
    },
    capHint: "비워 두면 상한이 없습니다.",
    feeRequired: "상한을 정하려면 주당 수수료를 입력하세요.",
    regulatory: "매도 규제 수수료",
    otherFees: "주당·규제 수수료",
  },
  dataRange: {
    clipped: "요청한 기간 {requestedStart} ~ {requestedEnd} 중 데이터가 있는 {start} ~ {end}로 실행했습니다.",
    formClip: "{symbol}의 데이터는 {first} ~ {last}입니다: {start} ~ {end}로 실행됩니다.",
    formNoOverlap: "{symbol}은(는) 이 기간에 데이터가 없습니다 (데이터: {first} ~ {last}).",
  },
};
