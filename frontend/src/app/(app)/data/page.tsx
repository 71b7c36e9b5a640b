"use client";

import { CalendarClockIcon, DownloadCloudIcon, UploadIcon } from "lucide-react";
import { PageHeader } from "@/components/layouts/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useSession } from "@/features/auth";
import { ActionsImportForm, CsvImportForm, FetchForm, ImportsList, SymbolsTable } from "@/features/market-data";
import { useT } from "@/lib/i18n";

export default function DataPage() {
  const t = useT();
  const admin = useSession((s) => s.user?.admin ?? false);
  return (
    <>
      <PageHeader title={t("marketData.title")} description={t("marketData.description")} />
      <div className="grid gap-8">
        <section aria-labelledby="symbols-heading" className="grid gap-3">
          <h2 id="symbols-heading" className="text-lg font-semibold">
            {t("marketData.symbolsTitle")}
          </h2>
          <SymbolsTable />
        </section>
        <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <Card>
            <CardHeader>
              <CardTitle>{t("marketData.addTitle")}</CardTitle>
              <CardDescription>{t("marketData.addDescription")}</CardDescription>
            </CardHeader>
            <CardContent>
              <Tabs defaultValue="upload">
                <TabsList className="h-auto w-full flex-wrap sm:w-fit">
                  <TabsTrigger value="upload">
                    <UploadIcon />
                    {t("marketData.uploadTitle")}
                  </TabsTrigger>
                  <TabsTrigger value="fetch">
                    <DownloadCloudIcon />
                    {t("marketData.fetchTitle")}
                  </TabsTrigger>
                  <TabsTrigger value="actions" data-testid="actions-tab">
                    <CalendarClockIcon />
                    {t("prices.actions.uploadTitle")}
                  </TabsTrigger>
                </TabsList>
                <TabsContent value="upload" className="pt-2">
                  <CsvImportForm canShare={admin} />
                </TabsContent>
                <TabsContent value="fetch" className="pt-2">
                  <FetchForm />
                </TabsContent>
                <TabsContent value="actions" className="pt-2">
                  <ActionsImportForm canShare={admin} />
                </TabsContent>
              </Tabs>
            </CardContent>
          </Card>
          <Card className="content-start gap-2">
            <CardHeader>
              <CardTitle>{t("marketData.importsTitle")}</CardTitle>
              <CardDescription>{t("marketData.importsDescription")}</CardDescription>
            </CardHeader>
            <CardContent className="px-2">
              <ImportsList />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
