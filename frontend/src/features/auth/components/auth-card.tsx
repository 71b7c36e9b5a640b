import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";

export function AuthCard({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Card className="w-full max-w-md gap-6 py-7 shadow-sm">
      <CardHeader className="px-7">
        <h1 className="text-xl leading-tight font-semibold">{title}</h1>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="px-7">{children}</CardContent>
    </Card>
  );
}
