/**
 * The shared real purchase logs as purchases CSV files the reader takes (written once into bench-data/): CDNOW
 * master (whitespace-separated in the original) and UCI Online Retail (one row per invoice). Test inputs only,
 * never shipped.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { lacks, SHARED_DATA, type RealDataSet } from "../../tests/fixtures/data-location.js";

/** Folders holding a purchases.csv for each real data set present (see `lacks`), written if missing. */
export function realPurchaseFiles(root: string): Array<{ name: string; folder: string; rows: number }> {
  const sets: Array<{ set: RealDataSet; name: string; folder: string; rows: () => string[] }> = [
    {
      set: "cdnow",
      name: "CDNOW master",
      folder: join(root, "real", "cdnow"),
      rows: () =>
        readFileSync(join(SHARED_DATA, "cdnow", "CDNOW_master.txt"), "utf8")
          .split(/\r?\n/)
          .slice(1)
          .map((line) => line.trim())
          .filter((line) => line !== "")
          .map((line) => {
            const [customerId, date, , dollars] = line.split(/\s+/) as [string, string, string, string];
            return `${customerId},${date},${dollars}`;
          }),
    },
    {
      set: "online-retail",
      name: "UCI Online Retail",
      folder: join(root, "real", "online-retail"),
      rows: () =>
        readFileSync(join(SHARED_DATA, "online-retail", "online_retail.csv"), "utf8")
          .split("\n")
          .slice(1)
          .filter((line) => line.trim() !== "")
          .map((line) => {
            const [invoice, date, customerId, total] = line.trim().split(",") as [string, string, string, string];
            return `${customerId},${date},${total},${invoice}`;
          }),
    },
  ];
  const present = sets.filter(({ set }) => {
    if (!lacks(set)) return true;
    console.warn(`${set}: not found in ${SHARED_DATA} (set BRAND_ADVOCATES_DATA); its end-to-end run is left out`);
    return false;
  });
  return present.map(({ name, folder, rows }) => {
    const file = join(folder, "purchases.csv");
    if (!existsSync(file)) {
      mkdirSync(folder, { recursive: true });
      const lines = rows();
      const header = lines[0]?.split(",").length === 4 ? "customerId,date,amount,orderId" : "customerId,date,amount";
      writeFileSync(file, `${header}\n${lines.join("\n")}\n`);
    }
    return { name, folder, rows: readFileSync(file, "utf8").split("\n").length - 2 };
  });
}
