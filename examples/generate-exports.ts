/**
 * Writes the bundled sample (examples/data/) again in the shapes real tools export, into examples/exports/: a CRM
 * export with its own column names, a Shopify orders export, a Typeform responses download, an X API v2 search
 * response (JSON, posts keyed by author handle, replies threaded under the criticism they answer) and a
 * social-listening export for the other platforms. `npm run demo:exports` ranks from these files; the result is
 * close to the demo's on examples/data, which shows the reading engine at work rather than a second data set.
 *
 * Deterministic: the same sample gives the same files. Run with `npm run generate-exports` after regenerating the
 * sample.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";

const dataDir = fileURLToPath(new URL("./data/", import.meta.url));
const outDir = fileURLToPath(new URL("./exports/", import.meta.url));
mkdirSync(outDir, { recursive: true });

type Row = Record<string, string>;
const read = (name: string): Row[] => Papa.parse<Row>(readFileSync(`${dataDir}${name}`, "utf8"), { header: true, skipEmptyLines: true }).data;
const csv = (rows: readonly Record<string, string | number>[], columns: readonly string[]): string => `${Papa.unparse({ fields: [...columns], data: rows.map((row) => columns.map((column) => row[column] ?? "")) }, { newline: "\n" })}\n`;

/** A deterministic pseudo-random number in [0, 1) from a text (FNV-1a): the same sample, the same files. */
function hashUnit(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}

const customers = read("customers.csv");
const emailOf = new Map(customers.filter((customer) => (customer.email ?? "") !== "").map((customer) => [customer.customerId as string, customer.email as string]));
const handleOf = (customerId: string, platform: string): string | undefined => {
  const handle = customers.find((customer) => customer.customerId === customerId)?.[`handles.${platform}`];
  return handle === undefined || handle === "" ? undefined : handle.replace(/^@/, "");
};

// The CRM export: its own column names; the opt-out column is named as the CRM names it ("Do Not Profile"),
// which the mapping file maps to optedOut (a column that looks like an objection is never ignored).
writeFileSync(
  `${outDir}crm-customers.csv`,
  csv(
    customers.map((customer) => ({
      "Customer ID": customer.customerId ?? "",
      "Full Name": customer.name ?? "",
      "E-mail": customer.email ?? "",
      "Twitter Handle": customer["handles.twitter"] ?? "",
      "Reddit User": customer["handles.reddit"] ?? "",
      "Facebook Page": customer["handles.facebook"] ?? "",
      "Do Not Profile": customer.optedOut === "true" ? "Y" : "N",
      "Consent To Contact": customer.consent === "true" ? "Y" : customer.consent === "false" ? "N" : "",
      "Last Invited": customer.lastInvitedAt ?? "",
    })),
    ["Customer ID", "Full Name", "E-mail", "Twitter Handle", "Reddit User", "Facebook Page", "Do Not Profile", "Consent To Contact", "Last Invited"],
  ),
);

// Shopify orders: one purchase per order, keyed by the buyer's e-mail; times with the shop's offset; a second
// line item on some orders writes a continuation row (order-level columns blank), as Shopify does.
const purchases = read("purchases.csv").filter((purchase) => emailOf.has(purchase.customerId as string));
const shopifyColumns = ["Name", "Email", "Financial Status", "Paid at", "Accepts Marketing", "Currency", "Subtotal", "Total", "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Refunded Amount", "Vendor"];
const shopifyRows: Array<Record<string, string>> = [];
purchases.forEach((purchase, index) => {
  const name = `#${purchase.orderId?.replace(/^NW/, "") ?? String(100000 + index)}`;
  const created = `${purchase.date} ${String(8 + Math.floor(hashUnit(`${name}h`) * 12)).padStart(2, "0")}:${String(Math.floor(hashUnit(`${name}m`) * 60)).padStart(2, "0")}:00 +0000`;
  const refunded = purchase.returned === "true";
  shopifyRows.push({
    Name: name,
    Email: emailOf.get(purchase.customerId as string) ?? "",
    "Financial Status": refunded ? "refunded" : "paid",
    "Paid at": created,
    "Accepts Marketing": hashUnit(`${purchase.customerId}am`) < 0.6 ? "yes" : "no",
    Currency: "GBP",
    Subtotal: purchase.amount ?? "",
    Total: purchase.amount ?? "",
    "Created at": created,
    "Lineitem quantity": "1",
    "Lineitem name": purchase.product ?? "",
    "Lineitem price": purchase.amount ?? "",
    "Refunded Amount": refunded ? (purchase.amount ?? "") : "0.00",
    Vendor: "Northwind Coffee",
  });
  if (hashUnit(`${name}extra`) < 0.15) shopifyRows.push({ Name: name, Email: emailOf.get(purchase.customerId as string) ?? "", "Lineitem quantity": "1", "Lineitem name": "Paper filters (100)", "Lineitem price": "3.50" });
});
writeFileSync(`${outDir}shopify-orders.csv`, csv(shopifyRows, shopifyColumns));

// Typeform: the questions as column names, the answers' labels as Typeform writes them, e-mail as a hidden field.
const surveys = read("surveys.csv").filter((survey) => emailOf.has(survey.customerId as string));
const question = { nps: "How likely are you to recommend Northwind Coffee to a friend or colleague?", comment: "What's the main reason for your score?", csat: "How satisfied are you with your last delivery?" };
const typeformColumns = ["#", question.nps, question.comment, question.csat, "email", "Response Type", "Start Date (UTC)", "Stage Date (UTC)", "Submit Date (UTC)", "Network ID", "Tags"];
writeFileSync(
  `${outDir}typeform-responses.csv`,
  csv(
    surveys.map((survey, index) => ({
      "#": `r${index.toString(36).padStart(8, "0")}`,
      [question.nps]: survey.nps ?? "",
      [question.comment]: survey.comment ?? "",
      [question.csat]: survey.csat ?? "",
      email: emailOf.get(survey.customerId as string) ?? "",
      "Response Type": "completed",
      "Start Date (UTC)": `${survey.date} 09:00:00`,
      "Stage Date (UTC)": "",
      "Submit Date (UTC)": `${survey.date} 09:03:00`,
      "Network ID": "",
      Tags: "",
    })),
    typeformColumns,
  ),
);

// X API v2: the twitter posts of customers with a handle, by handle; each defending reply threaded under a
// critical tweet by someone who is not a customer, so defences come from the thread, not from a flag.
const social = read("social.csv").filter((post) => post.public !== "false");
const tweets: Array<Record<string, unknown>> = [];
const users = new Map<string, Record<string, unknown>>();
const user = (username: string, followers: number) => {
  const id = String(1_400_000_000_000_000_000n + BigInt(users.size + 1));
  if (!users.has(username)) users.set(username, { id, name: username, username, public_metrics: { followers_count: followers, following_count: 100, tweet_count: 500, listed_count: 1 } });
  return users.get(username)?.id as string;
};
let next = 1_846_000_000_000_000_000n;
const listening: Array<Record<string, string | number>> = [];
for (const post of social) {
  const platform = post.platform as string;
  const handle = handleOf(post.customerId as string, platform);
  if (handle === undefined) continue;
  const text = post.mentionsBrand === "true" && !/northwind/i.test(post.text ?? "") ? `@NorthwindCoffee ${post.text ?? ""}` : (post.text ?? "");
  if (platform === "twitter") {
    let replied: string | undefined;
    if (post.repliesToCriticism === "true") {
      next += 1n;
      replied = String(next);
      tweets.push({ id: replied, text: "@NorthwindCoffee my order is late again and support never answers. Done with you.", author_id: user(`critic_${String(next % 97n)}`, 300), created_at: `${post.date}T08:00:00.000Z`, public_metrics: { retweet_count: 1, reply_count: 3, like_count: 2, quote_count: 0 } });
    }
    next += 1n;
    tweets.push({
      id: String(next),
      text,
      author_id: user(handle, Number(post.reach ?? 0)),
      created_at: `${post.date}T12:00:00.000Z`,
      public_metrics: { retweet_count: 0, reply_count: 0, like_count: Number(post.engagement ?? 0), quote_count: 0 },
      ...(replied === undefined ? {} : { referenced_tweets: [{ type: "replied_to", id: replied }], conversation_id: replied }),
    });
  } else if (platform === "reddit" || platform === "facebook") {
    listening.push({ Date: `${post.date} 12:00:00.0`, Url: `https://${platform}.com/x/${listening.length}`, Domain: `${platform}.com`, Sentiment: "", "Page Type": platform, Author: handle, "Full Text": text, "Thread Entry Type": post.type === "reply" ? "reply" : "post", Likes: Number(post.engagement ?? 0), "Reach (new)": Number(post.reach ?? 0) });
  }
}
writeFileSync(`${outDir}x-api-mentions.json`, `${JSON.stringify({ data: tweets, includes: { users: [...users.values()] }, meta: { result_count: tweets.length } }, null, 2)}\n`);
writeFileSync(`${outDir}listening-mentions.csv`, csv(listening, ["Date", "Url", "Domain", "Sentiment", "Page Type", "Author", "Full Text", "Thread Entry Type", "Likes", "Reach (new)"]));

// How to read them: the CRM's own column names (the others are read by their presets).
writeFileSync(
  `${outDir}mapping.json`,
  `${JSON.stringify({ columns: { customers: { customerId: "Customer ID", name: "Full Name", email: "E-mail", "handles.twitter": "Twitter Handle", "handles.reddit": "Reddit User", "handles.facebook": "Facebook Page", optedOut: "Do Not Profile", consent: "Consent To Contact", lastInvitedAt: "Last Invited" } } }, null, 2)}\n`,
);
console.log(`wrote ${outDir}: ${customers.length} customers, ${shopifyRows.length} order rows, ${surveys.length} responses, ${tweets.length} tweets, ${listening.length} other mentions`);
