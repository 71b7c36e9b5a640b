import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A list whose rows are each one link (a dashboard card's runs or strategies), with the focus ring of every control. */
export function LinkList<T>({
  items,
  itemKey,
  href,
  className,
  linkClassName,
  children,
}: {
  items: readonly T[];
  itemKey: (item: T) => string | undefined;
  href: (item: T) => string;
  className?: string;
  /** The row's layout and its hover colour. */
  linkClassName: string;
  /** A row's content. */
  children: (item: T) => ReactNode;
}) {
  return (
    <ul className={cn("grid", className)}>
      {items.map((item) => (
        <li key={itemKey(item)}>
          <Link href={href(item)} className={cn("outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50", linkClassName)}>
            {children(item)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
