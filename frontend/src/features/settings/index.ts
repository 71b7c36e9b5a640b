export { SettingsView } from "./components/settings-view";
