export { SymbolsTable } from "./components/symbols-table";
export { CsvImportForm } from "./components/csv-import-form";
export { FetchForm } from "./components/fetch-form";
export { ImportsList } from "./components/imports-list";
export { MarketDataSummary } from "./components/market-data-summary";
export { ActionsImportForm } from "./components/actions-import-form";
export { SymbolView } from "./components/symbol-view";
