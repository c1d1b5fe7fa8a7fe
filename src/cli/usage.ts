/** Exit codes of the CLI, as the help text and the README list them. */
export const EXIT = {
  /** Done. Also when stdout closes early (`| head`): that is a normal end. */
  ok: 0,
  /** An unexpected error: a bug (the message carries a stack trace to report). */
  unexpected: 1,
  /** Bad usage or bad input: an unknown or misused flag, or a bad file, row or field (the message names it). */
  usage: 2,
  /** An output file not written: its folder is missing, it is a folder, it is an input file, it exists without --force, or writing failed. */
  output: 3,
  /** Nothing could be read: every file empty, every row skipped as invalid, or every customer excluded. */
  noData: 4,
} as const;

/** What the top-level help says after the list of commands. */
export const HELP_AFTER = `
Data files (CSV, TSV, JSON or NDJSON; every one optional; repeat a flag for several files of one kind, read as one
file; large files are read in parallel, --workers N to choose). Columns are matched ignoring case, spaces, _ and -;
other exports: --preset (shopify-orders, typeform, x-api-v2, …), --map KIND.FIELD=COLUMN, --date-format, --decimal:
  --customers FILE   customerId,name,email,optedOut,consent,handles.<platform>,lastInvitedAt
  --purchases FILE   customerId,date,amount,orderId,product,category,returned
  --surveys FILE     customerId,date,nps,csat,answers.<item>,comment
  --social FILE      customerId or author (a handle),date,platform,type,public,mentionsBrand,text,sentiment,reach,
                     engagement,repliesToCriticism,postId,inReplyTo,rating

Rules: a flag that does not apply to the command is an error, and so is a single-valued flag given twice or the
same file given twice. Numbers are decimal digits (--top 10, not 0x10 or 1e1). --workers is capped at the cores
available. --out never writes over an input file, and never over an existing file unless --force. Values from the
data printed to the terminal have their control characters escaped; CSV cells that start with = + - @ TAB or CR
are prefixed with ' (spreadsheet formula injection); Markdown kits escape all markup.

Exit codes: 0 success (also when the output pipe closes early, as with | head), 1 unexpected error (a bug),
2 bad usage or bad input (the message names the flag, or the file, row and field), 3 output file not written,
4 nothing could be read (every file empty, every row skipped, or every customer excluded: the warnings say which).

Run 'brand-advocates <command> --help' for a command's flags.
`;
