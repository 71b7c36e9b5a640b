export { AnalyticsView, type AnalyticsRobustness } from "./components/analytics-view";
