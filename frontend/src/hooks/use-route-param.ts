"use client";

import { usePathname } from "next/navigation";
import { segmentAfter } from "@/lib/dynamic-route";

/** The real value of a dynamic segment, read from the address (see lib/dynamic-route.ts). */
export function useRouteParam(prefix: string): string | null {
  return segmentAfter(usePathname(), prefix);
}
