import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";

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

/** The end of the login and register forms: the submit button, then the way to the other form. */
export function AuthActions({
  submit,
  pending,
  prompt,
  link,
  href,
}: {
  submit: string;
  pending: boolean;
  prompt: string;
  link: string;
  href: string;
}) {
  return (
    <>
      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending && <Spinner />}
        {submit}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        {prompt}{" "}
        <Link href={href} className="font-medium text-primary underline-offset-4 hover:underline">
          {link}
        </Link>
      </p>
    </>
  );
}
