/** The CLI's help text. */
export const USAGE = `brand-advocates — find and arm the customers who will defend your brand in public

Usage:
  brand-advocates rank [data files] [--top N] [--format table|csv|json] [--as-of YYYY-MM-DD]
                       [--lenient] [--require-consent] [--cooldown-days N]
  brand-advocates arm  [data files] --criticism-text TEXT --platform NAME --facts facts.csv
                       [--topic TOPIC] [--brand NAME] [--incentive TEXT] [--max-per-thread N]
                       [--format markdown|csv|json] [--top N] [--as-of YYYY-MM-DD] [--lenient]
  brand-advocates explain <customerId> [data files] [--as-of YYYY-MM-DD]
  brand-advocates backtest [data files] --split-date YYYY-MM-DD [--k 50] [--format table|json]
  brand-advocates report [data files] --out report.html [--split-date YYYY-MM-DD] [--top N]
  brand-advocates fit [data files] --out model.json [--as-of YYYY-MM-DD]
  brand-advocates udf --model model.json --dialect bigquery|snowflake [--function NAME]
                      [--library gs://bucket/score.js] [--out-js score.js]
  brand-advocates help

Data files (CSV, JSON or NDJSON; every one optional; repeat a flag for several files of one kind; large files
are read in parallel, --workers N to choose):
  --customers FILE   customerId,name,email,optedOut,consent,handles.<platform>,lastInvitedAt
  --purchases FILE   customerId,date,amount,orderId,product,category,returned
  --surveys FILE     customerId,date,nps,csat,answers.<item>,comment
  --social FILE      customerId,date,platform,type,public,mentionsBrand,text,sentiment,reach,engagement,repliesToCriticism

fit writes the fitted model (plain JSON); udf prints the SQL that creates a warehouse JavaScript UDF scoring
profile rows (profileSql's output) with that model, and --out-js writes its code for BigQuery's library option.

Exit codes: 0 success, 1 unexpected error, 2 bad input (a message names the file, row and field).
`;
