"use client";

import {
  ActivityIcon,
  BarChart3Icon,
  CandlestickChartIcon,
  Code2Icon,
  DatabaseIcon,
  GaugeIcon,
  ShieldCheckIcon,
  type LucideIcon,
} from "lucide-react";
import type { ReactNode } from "react";
import { Brand } from "@/components/layouts/brand";
import { HeaderControls } from "@/components/layouts/header-controls";
import { Card, CardContent } from "@/components/ui/card";
import { formatInteger } from "@/lib/format";
import { useLocale, useT, type TranslationKey } from "@/lib/i18n";
import { useCatalogueSummary } from "../api/get-catalogue-summary";

const FEATURES: { icon: LucideIcon; title: TranslationKey; body: TranslationKey }[] = [
  { icon: Code2Icon, title: "home.features.languageTitle", body: "home.features.languageBody" },
  { icon: DatabaseIcon, title: "home.features.dataTitle", body: "home.features.dataBody" },
  { icon: ShieldCheckIcon, title: "home.features.honestTitle", body: "home.features.honestBody" },
  { icon: BarChart3Icon, title: "home.features.metricsTitle", body: "home.features.metricsBody" },
  { icon: GaugeIcon, title: "home.features.fastTitle", body: "home.features.fastBody" },
  { icon: CandlestickChartIcon, title: "home.features.compareTitle", body: "home.features.compareBody" },
];

const STEPS: { title: TranslationKey; body: TranslationKey }[] = [
  { title: "home.steps.writeTitle", body: "home.steps.writeBody" },
  { title: "home.steps.runTitle", body: "home.steps.runBody" },
  { title: "home.steps.studyTitle", body: "home.steps.studyBody" },
];

/** A strategy as the editor shows it, coloured like the editor's light theme. */
function CodeSample() {
  const k = "text-[#8839ef] font-semibold";
  const f = "text-[#1e66f5]";
  const v = "text-[#0f7a6b]";
  const o = "text-[#a15c00] font-semibold";
  const n = "text-[#b4530b]";
  const c = "text-[#6a7585] italic";
  return (
    <pre className="overflow-x-auto rounded-lg border bg-white p-4 font-mono text-[13px] leading-6 text-slate-800 shadow-sm dark:border-white/10">
      <code>
        <span className={c}># moving-average crossover with a stop</span>
        {"\n"}
        <span className={k}>param</span> fast = <span className={n}>10</span> <span className={k}>in</span> <span className={n}>2</span>..
        <span className={n}>100</span>
        {"\n"}
        <span className={k}>param</span> slow = <span className={n}>30</span> <span className={k}>in</span> <span className={n}>5</span>..
        <span className={n}>300</span>
        {"\n"}f = <span className={f}>sma</span>(<span className={v}>close</span>, fast)
        {"\n"}s = <span className={f}>ema</span>(<span className={v}>close</span>, slow)
        {"\n"}
        <span className={o}>long_entry</span> = <span className={f}>crossover</span>(f, s)
        {"\n"}
        <span className={o}>long_exit</span>
        {"  "}= <span className={f}>crossunder</span>(f, s)
        {"\n"}
        <span className={o}>stop_loss</span>
        {"  "}= <span className={n}>5%</span>
      </code>
    </pre>
  );
}

/** The templates, indicators and intervals on offer, as the API counts them from its catalogue. */
function CatalogueFigures() {
  const t = useT();
  const locale = useLocale();
  const summary = useCatalogueSummary().data;
  const figures: { key: TranslationKey; value: number | undefined }[] = [
    { key: "home.stat1", value: summary?.templates },
    { key: "home.stat2", value: summary?.indicators },
    { key: "home.stat3", value: summary?.intervals },
  ];
  return (
    <>
      {figures.map(({ key, value }) => (
        <div key={key} className="rounded-lg border bg-card px-2 py-3" data-testid={`figure-${key.slice("home.".length)}`}>
          <div className="text-lg font-semibold tabular-nums">{value === undefined ? "—" : formatInteger(value, locale)}</div>
          <div className="text-xs break-keep text-muted-foreground">{t(key)}</div>
        </div>
      ))}
    </>
  );
}

/** The public front page: what the service does, what it offers, and the way in. */
export function Landing({ actions }: { actions: ReactNode }) {
  const t = useT();
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-30 border-b bg-background/85 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-2 px-4 sm:px-6">
          <Brand />
          <HeaderControls />
        </div>
      </header>
      <main>
        <section className="relative overflow-hidden border-b bg-gradient-to-b from-primary/8 via-background to-background">
          <div className="mx-auto grid max-w-6xl gap-10 px-4 py-16 sm:px-6 lg:grid-cols-[1.1fr_1fr] lg:items-center lg:py-24">
            <div className="grid gap-6">
              <p className="flex w-fit items-center gap-2 rounded-full border bg-card px-3 py-1 text-xs font-medium text-muted-foreground">
                <ActivityIcon className="size-3.5 text-primary" aria-hidden />
                {t("home.eyebrow")}
              </p>
              <h1 className="text-4xl leading-tight font-bold tracking-tight text-balance sm:text-5xl">{t("home.title")}</h1>
              <p className="max-w-xl text-lg text-pretty text-muted-foreground">{t("home.subtitle")}</p>
              <div className="flex flex-wrap gap-3">{actions}</div>
              <p className="text-sm text-muted-foreground">{t("home.markets")}</p>
            </div>
            <div className="grid gap-3">
              <CodeSample />
              <div className="grid grid-cols-3 gap-3 text-center">
                <CatalogueFigures />
              </div>
            </div>
          </div>
        </section>

        <section aria-labelledby="features-heading" className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
          <h2 id="features-heading" className="text-2xl font-semibold tracking-tight">
            {t("home.featuresTitle")}
          </h2>
          <p className="mt-2 max-w-2xl text-muted-foreground">{t("home.featuresSubtitle")}</p>
          <div className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {FEATURES.map(({ icon: Icon, title, body }) => (
              <Card key={title} className="gap-3 py-5">
                <CardContent className="grid gap-3 px-5">
                  <span className="flex size-9 items-center justify-center rounded-lg bg-primary/10 text-primary">
                    <Icon className="size-4.5" aria-hidden />
                  </span>
                  <h3 className="font-semibold">{t(title)}</h3>
                  <p className="text-sm text-muted-foreground">{t(body)}</p>
                </CardContent>
              </Card>
            ))}
          </div>
        </section>

        <section aria-labelledby="steps-heading" className="border-y bg-muted/40">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
            <h2 id="steps-heading" className="text-2xl font-semibold tracking-tight">
              {t("home.stepsTitle")}
            </h2>
            <ol className="mt-8 grid gap-6 sm:grid-cols-3">
              {STEPS.map((step, i) => (
                <li key={step.title} className="grid gap-2">
                  <span className="flex size-8 items-center justify-center rounded-full bg-primary font-semibold text-primary-foreground tabular-nums">
                    {i + 1}
                  </span>
                  <h3 className="font-semibold">{t(step.title)}</h3>
                  <p className="text-sm text-muted-foreground">{t(step.body)}</p>
                </li>
              ))}
            </ol>
          </div>
        </section>

        <section className="mx-auto flex max-w-6xl flex-col items-start gap-4 px-4 py-16 sm:px-6">
          <h2 className="text-2xl font-semibold tracking-tight">{t("home.ctaTitle")}</h2>
          <p className="max-w-2xl text-muted-foreground">{t("home.ctaBody")}</p>
          <div className="flex flex-wrap gap-3">{actions}</div>
        </section>
      </main>
      <footer className="border-t">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-muted-foreground sm:flex-row sm:justify-between sm:px-6">
          <span>© Trading Backtest</span>
          <span className="flex gap-4">
            <a href="/docs" className="hover:text-foreground">
              {t("home.apiDocs")}
            </a>
          </span>
        </div>
      </footer>
    </div>
  );
}
