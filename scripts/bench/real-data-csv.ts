/**
 * The shared real purchase logs as purchases CSV files the reader takes (written once into bench-data/): CDNOW
 * master (whitespace-separated in the original) and UCI Online Retail (one row per invoice). Test inputs only,
 * never shipped.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SHARED_DATA } from "../../tests/fixtures/real-data.js";

/** Folders holding a purchases.csv for each real data set, written if missing. */
export function realPurchaseFiles(root: string): Array<{ name: string; folder: string; rows: number }> {
  const sets: Array<{ name: string; folder: string; rows: () => string[] }> = [
    {
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
  return sets.map(({ name, folder, rows }) => {
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
