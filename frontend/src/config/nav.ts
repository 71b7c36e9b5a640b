import { DatabaseIcon, FileCode2Icon, LayoutDashboardIcon, type LucideIcon } from "lucide-react";
import type { TranslationKey } from "@/lib/i18n";

export interface NavItem {
  href: string;
  label: TranslationKey;
  icon: LucideIcon;
}

/**
 * The app's sections, in sidebar order. Backtests (/backtests, /backtests/new) and analytics
 * (/analytics) join this list when their screens land.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/dashboard", label: "nav.dashboard", icon: LayoutDashboardIcon },
  { href: "/strategies", label: "nav.strategies", icon: FileCode2Icon },
  { href: "/data", label: "nav.data", icon: DatabaseIcon },
];

export function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
