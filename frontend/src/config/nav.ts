import {
  ChartNoAxesCombinedIcon,
  DatabaseIcon,
  FileCode2Icon,
  FlaskConicalIcon,
  LayoutDashboardIcon,
  ListIcon,
  PlayIcon,
  SettingsIcon,
  type LucideIcon,
} from "lucide-react";
import type { TranslationKey } from "@/lib/i18n";

export interface NavItem {
  href: string;
  label: TranslationKey;
  icon: LucideIcon;
}

/** The app's sections, in sidebar order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/dashboard", label: "nav.dashboard", icon: LayoutDashboardIcon },
  { href: "/strategies", label: "nav.strategies", icon: FileCode2Icon },
  { href: "/backtests", label: "nav.backtests", icon: FlaskConicalIcon },
  { href: "/backtests/new", label: "nav.newBacktest", icon: PlayIcon },
  { href: "/analytics", label: "nav.analytics", icon: ChartNoAxesCombinedIcon },
  { href: "/universes", label: "nav.universes", icon: ListIcon },
  { href: "/data", label: "nav.data", icon: DatabaseIcon },
  { href: "/settings", label: "settings.title", icon: SettingsIcon },
];

const matches = (pathname: string, href: string) => pathname === href || pathname.startsWith(`${href}/`);

/** Whether a section is the current one; a more specific section (/backtests/new in /backtests) takes precedence. */
export function isActive(pathname: string, href: string): boolean {
  if (!matches(pathname, href)) return false;
  return !NAV_ITEMS.some((item) => item.href !== href && item.href.startsWith(`${href}/`) && matches(pathname, item.href));
}
