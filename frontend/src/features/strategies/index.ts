export { StrategiesTable } from "./components/strategies-table";
export { StrategyEditor } from "./components/strategy-editor";
export { TemplateList, templateName } from "./components/template-picker";
export { RecentStrategies } from "./components/recent-strategies";
export { useStrategy } from "./api/get-strategy";
export { useTemplates } from "./api/get-templates";
