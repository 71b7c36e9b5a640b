/**
 * English strings of what a run costs and which days it covers (issue 21: the US fees, the per-share
 * fee, dates clipped to the data); spread into en.ts, the Korean ones in ko-costs.ts.
 */
export const enCosts = {
  costParts: {
    title: "What this preset charges",
    commission: "Commission {rate} per fill",
    commissionNone: "No commission",
    sellTax: "Tax {rate} on sells",
    secFee: "SEC fee {rate} (sells)",
    taf: "FINRA TAF {fee} per share (max {cap}, sells)",
    datedNote: "SEC and FINRA fees change over time: each sell pays the rate of its own date (shown: from {date}).",
    spread: "Spread {rate} per fill (slippage)",
    slippageTicks: "Slippage {ticks} ticks per fill",
    perShare: "{fee} per share, {sides}",
    perShareCapped: "{fee} per share (max {cap} per fill), {sides}",
    sides: {
      sell: "sells only",
      both: "buys and sells",
    },
    nothing: "No commission, tax or slippage.",
    loading: "Loading the preset's costs…",
    fields: {
      per_share_fee: "Per-share fee",
      per_share_fee_cap: "Per-share fee cap per fill",
      per_share_fee_sides: "Per-share fee applies to",
    },
    capHint: "Leave empty for no cap.",
    feeRequired: "Enter a per-share fee to set its cap.",
    regulatory: "Regulatory sell fees",
    otherFees: "Per-share and regulatory fees",
  },
  dataRange: {
    clipped: "You asked for {requestedStart} to {requestedEnd}; the run covers {start} to {end}, the days with data.",
    formClip: "The data of {symbol} covers {first} to {last}: the run will cover {start} to {end}.",
    formNoOverlap: "{symbol} has no data between these dates (its data covers {first} to {last}).",
  },
};
