import { AlertCircleIcon } from "lucide-react";
import type { ComponentProps } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/** What went wrong with a form as a whole (not one field): a red alert with an optional title. */
export function FormError({ title, children, ...props }: { title?: string } & Omit<ComponentProps<typeof Alert>, "variant" | "title">) {
  return (
    <Alert variant="destructive" {...props}>
      <AlertCircleIcon />
      {title && <AlertTitle>{title}</AlertTitle>}
      {children && <AlertDescription>{children}</AlertDescription>}
    </Alert>
  );
}
