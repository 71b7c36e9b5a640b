export { UniversesView } from "./components/universes-view";
