import type { Exclusions } from "./profile-builder.js";
import type { ExclusionReason } from "./exclusion-policy.js";
import { GrowableColumn } from "./growable-column.js";
import { ListColumn, type PackedLists } from "./list-column.js";
import { compareText } from "./order.js";
import { NO_DAY } from "./event-codes.js";
import { ProfileStore, type StoreColumns } from "./profile-store.js";
import { StringTable } from "./string-table.js";

/** What merging stores gave: the merged store, and the customers left out with why. */
export interface MergedStores {
  readonly store: ProfileStore;
  readonly excluded: ReadonlyMap<string, ExclusionReason>;
}

/** Renumbers one store's codes (sources, strings) into the merged tables. */
interface Part {
  readonly columns: StoreColumns;
  readonly source: Int32Array;
  readonly string: Int32Array;
  cursor: number;
}

type Table = "purchases" | "surveys" | "social";

/**
 * Merges profile stores built apart — from shards of the files, on worker threads, on other machines — into the
 * store one pass over all their records would build. Each store is already in canonical order (customers by ID,
 * a customer's events by day, source, row), so the merge is one sequential pass: customers are merged by ID and a
 * customer's events from several stores are interleaved by the same order. Counts add up, the CRM fields come from
 * the first customer record by (source, row), and `exclude` leaves customers out as they go by (how exclusions
 * that needed the whole data, such as the invitation cool-down, are applied to stores read before it was known).
 *
 * @example
 * const { store } = mergeStores([buildProfiles(januaryData).profiles, buildProfiles(februaryData).profiles]);
 */
export function mergeStores(stores: readonly ProfileStore[], exclude?: Exclusions): MergedStores {
  const excluded = new Map<string, ExclusionReason>();
  if (stores.length === 1 && exclude === undefined) return { store: stores[0] as ProfileStore, excluded };
  const sources = new StringTable();
  const strings = new StringTable();
  const parts: Part[] = stores.map((store) => ({
    columns: store.columns,
    source: sources.codesOf(store.columns.sources),
    string: strings.codesOf(store.columns.strings),
    cursor: 0,
  }));
  const rank = sources.ranks();
  const out = new MergedColumns();
  const members: number[] = [];
  for (;;) {
    // The next customer ID in order, and the stores that hold it.
    let next: string | undefined;
    members.length = 0;
    parts.forEach((part, index) => {
      const id = part.columns.ids[part.cursor];
      if (id === undefined) return;
      const order = next === undefined ? -1 : compareText(id, next);
      if (order < 0) {
        next = id;
        members.length = 0;
      }
      if (order <= 0) members.push(index);
    });
    if (next === undefined) break;
    const reason = exclude?.reasonFor(next);
    if (reason === undefined) out.customer(next, members.map((index) => [parts[index] as Part, (parts[index] as Part).cursor] as const), rank);
    else excluded.set(next, reason);
    for (const index of members) (parts[index] as Part).cursor += 1;
  }
  return { store: out.store(sources.values, strings.values), excluded };
}

/** The merged store's columns, filled customer by customer. */
class MergedColumns {
  private readonly ids: string[] = [];
  private readonly crmSource = new GrowableColumn(Int32Array);
  private readonly crmRow = new GrowableColumn(Int32Array);
  private readonly name: (string | undefined)[] = [];
  private readonly handles = new ListColumn("texts");
  private readonly consent = new GrowableColumn(Int32Array);
  private readonly invitedDay = new GrowableColumn(Int32Array);
  private readonly returned = new GrowableColumn(Int32Array);
  private readonly privateActivities = new GrowableColumn(Int32Array);
  private readonly latestDayOf = new GrowableColumn(Int32Array);
  private readonly tables = {
    purchases: new MergedEvents("purchases"),
    surveys: new MergedEvents("surveys"),
    social: new MergedEvents("social"),
  };

  customer(id: string, members: ReadonlyArray<readonly [Part, number]>, rank: Int32Array): void {
    this.ids.push(id);
    let crm: readonly [Part, number] | undefined;
    let returned = 0;
    let privateActivities = 0;
    let latestDay = NO_DAY;
    for (const member of members) {
      const [part, index] = member;
      const c = part.columns;
      returned += c.returned[index] as number;
      privateActivities += c.privateActivities[index] as number;
      latestDay = Math.max(latestDay, c.latestDayOf[index] as number);
      if ((c.crmRow[index] as number) < 0) continue;
      if (crm === undefined) crm = member;
      else {
        const [best, bestIndex] = crm;
        const order = (rank[part.source[c.crmSource[index] as number] as number] as number) - (rank[best.source[best.columns.crmSource[bestIndex] as number] as number] as number) || (c.crmRow[index] as number) - (best.columns.crmRow[bestIndex] as number);
        if (order < 0) crm = member;
      }
    }
    this.returned.push(returned);
    this.privateActivities.push(privateActivities);
    this.latestDayOf.push(latestDay);
    if (crm === undefined) {
      this.crmSource.push(0);
      this.crmRow.push(-1);
      this.name.push(undefined);
      this.handles.push([]);
      this.consent.push(-1);
      this.invitedDay.push(NO_DAY);
    } else {
      const [part, index] = crm;
      const c = part.columns;
      this.crmSource.push(part.source[c.crmSource[index] as number] as number);
      this.crmRow.push(c.crmRow[index] as number);
      this.name.push(c.name[index]);
      this.handles.appendOne(c.handles, index, part.string);
      this.consent.push(c.consent[index] as number);
      this.invitedDay.push(c.invitedDay[index] as number);
    }
    for (const table of ["purchases", "surveys", "social"] as const) this.tables[table].customer(members, rank);
  }

  store(sources: readonly string[], strings: readonly string[]): ProfileStore {
    let latestDay = NO_DAY;
    for (const day of this.latestDayOf.view()) if (day > latestDay) latestDay = day;
    return new ProfileStore({
      ids: this.ids,
      strings: [...strings],
      sources: [...sources],
      latestDay: latestDay === NO_DAY ? undefined : latestDay,
      crmSource: this.crmSource.take(),
      crmRow: this.crmRow.take(),
      name: this.name,
      handles: this.handles.take(),
      consent: this.consent.take(),
      invitedDay: this.invitedDay.take(),
      returned: this.returned.take(),
      privateActivities: this.privateActivities.take(),
      latestDayOf: this.latestDayOf.take(),
      purchases: this.tables.purchases.columns() as unknown as StoreColumns["purchases"],
      surveys: this.tables.surveys.columns() as unknown as StoreColumns["surveys"],
      social: this.tables.social.columns() as unknown as StoreColumns["social"],
    });
  }
}

/** Number and list columns of each event table, and which carry string codes to renumber. */
const NUMBER_COLUMNS: Record<Table, ReadonlyArray<readonly [name: string, kind: "int" | "float" | "byte", coded: boolean]>> = {
  purchases: [
    ["day", "int", false],
    ["amount", "float", false],
    ["product", "int", true],
    ["category", "int", true],
    ["order", "int", false],
  ],
  surveys: [
    ["day", "int", false],
    ["nps", "float", false],
    ["csat", "float", false],
    ["sentiment", "float", false],
    ["sentimentConfidence", "float", false],
  ],
  social: [
    ["day", "int", false],
    ["platform", "int", true],
    ["type", "byte", false],
    ["flags", "byte", false],
    ["sentiment", "float", false],
    ["sentimentConfidence", "float", false],
    ["reach", "float", false],
    ["engagement", "float", false],
    ["inReplyTo", "int", true],
  ],
};
const LIST_COLUMNS: Record<Table, ReadonlyArray<readonly [name: string, carries: "codes" | "numbers"]>> = {
  purchases: [],
  surveys: [
    ["answers", "numbers"],
    ["positiveWords", "codes"],
    ["negativeWords", "codes"],
    ["praise", "codes"],
    ["complaints", "codes"],
  ],
  social: [],
};
const TEXT_COLUMNS: Record<Table, readonly string[]> = { purchases: [], surveys: ["comment"], social: ["text"] };

/** One store's columns of one table, looked up once rather than per event. */
interface PartEvents {
  readonly part: Part;
  readonly starts: Int32Array;
  readonly source: Int32Array;
  readonly row: Int32Array;
  readonly day: Int32Array;
  readonly numbers: ReadonlyArray<ArrayLike<number>>;
  readonly lists: readonly PackedLists[];
  readonly texts: ReadonlyArray<ReadonlyArray<string | undefined>>;
}

/** One event table of the merged store: each customer's events from every store, interleaved in canonical order. */
class MergedEvents {
  private readonly starts = new GrowableColumn(Int32Array);
  private readonly source = new GrowableColumn(Int32Array);
  private readonly row = new GrowableColumn(Int32Array);
  private readonly numbers: Array<GrowableColumn<Int32Array | Float64Array | Uint8Array>>;
  private readonly coded: boolean[];
  private readonly lists: ListColumn[];
  private readonly texts: Array<Array<string | undefined>>;
  private readonly parts = new Map<Part, PartEvents>();
  private readonly cursorAt: number[] = [];
  private readonly cursorEnd: number[] = [];
  private readonly cursorPart: PartEvents[] = [];

  constructor(private readonly table: Table) {
    this.starts.push(0);
    this.numbers = NUMBER_COLUMNS[table].map(([, kind]) => (kind === "int" ? new GrowableColumn(Int32Array) : kind === "float" ? new GrowableColumn(Float64Array) : new GrowableColumn(Uint8Array)));
    this.coded = NUMBER_COLUMNS[table].map(([, , coded]) => coded);
    this.lists = LIST_COLUMNS[table].map(([, carries]) => new ListColumn(carries));
    this.texts = TEXT_COLUMNS[table].map(() => []);
  }

  customer(members: ReadonlyArray<readonly [Part, number]>, rank: Int32Array): void {
    // Each member's events for the customer are in order already; interleave them by (day, source, row).
    let count = 0;
    for (const [part, index] of members) {
      const events = this.eventsOf(part);
      const at = events.starts[index] as number;
      const end = events.starts[index + 1] as number;
      if (at === end) continue;
      this.cursorAt[count] = at;
      this.cursorEnd[count] = end;
      this.cursorPart[count] = events;
      count += 1;
    }
    if (count === 1) {
      const events = this.cursorPart[0] as PartEvents;
      for (let event = this.cursorAt[0] as number; event < (this.cursorEnd[0] as number); event += 1) this.copy(events, event);
    } else if (count > 1) {
      for (;;) {
        let best = -1;
        for (let cursor = 0; cursor < count; cursor += 1) {
          if ((this.cursorAt[cursor] as number) >= (this.cursorEnd[cursor] as number)) continue;
          if (best < 0 || this.before(cursor, best, rank)) best = cursor;
        }
        if (best < 0) break;
        this.copy(this.cursorPart[best] as PartEvents, this.cursorAt[best] as number);
        this.cursorAt[best] = (this.cursorAt[best] as number) + 1;
      }
    }
    this.starts.push(this.row.length);
  }

  private eventsOf(part: Part): PartEvents {
    let events = this.parts.get(part);
    if (events === undefined) {
      const columns = part.columns[this.table] as unknown as Record<string, unknown> & { starts: Int32Array; source: Int32Array; row: Int32Array; day: Int32Array };
      events = {
        part,
        starts: columns.starts,
        source: columns.source,
        row: columns.row,
        day: columns.day,
        numbers: NUMBER_COLUMNS[this.table].map(([name]) => columns[name] as ArrayLike<number>),
        lists: LIST_COLUMNS[this.table].map(([name]) => columns[name] as PackedLists),
        texts: TEXT_COLUMNS[this.table].map((name) => columns[name] as ReadonlyArray<string | undefined>),
      };
      this.parts.set(part, events);
    }
    return events;
  }

  private before(a: number, b: number, rank: Int32Array): boolean {
    const eventsA = this.cursorPart[a] as PartEvents;
    const eventsB = this.cursorPart[b] as PartEvents;
    const atA = this.cursorAt[a] as number;
    const atB = this.cursorAt[b] as number;
    const day = (eventsA.day[atA] as number) - (eventsB.day[atB] as number);
    if (day !== 0) return day < 0;
    const source = (rank[eventsA.part.source[eventsA.source[atA] as number] as number] as number) - (rank[eventsB.part.source[eventsB.source[atB] as number] as number] as number);
    if (source !== 0) return source < 0;
    return (eventsA.row[atA] as number) < (eventsB.row[atB] as number);
  }

  private copy(events: PartEvents, event: number): void {
    const strings = events.part.string;
    this.source.push(events.part.source[events.source[event] as number] as number);
    this.row.push(events.row[event] as number);
    for (let column = 0; column < this.numbers.length; column += 1) {
      const value = (events.numbers[column] as ArrayLike<number>)[event] as number;
      (this.numbers[column] as GrowableColumn<Int32Array>).push(this.coded[column] === true && value >= 0 ? (strings[value] as number) : value);
    }
    for (let column = 0; column < this.lists.length; column += 1) (this.lists[column] as ListColumn).appendOne(events.lists[column] as PackedLists, event, strings);
    for (let column = 0; column < this.texts.length; column += 1) (this.texts[column] as Array<string | undefined>).push((events.texts[column] as ReadonlyArray<string | undefined>)[event]);
  }

  columns(): Record<string, unknown> {
    const columns: Record<string, unknown> = { starts: this.starts.take(), source: this.source.take(), row: this.row.take() };
    NUMBER_COLUMNS[this.table].forEach(([name], index) => (columns[name] = (this.numbers[index] as GrowableColumn<Int32Array>).take()));
    LIST_COLUMNS[this.table].forEach(([name], index) => (columns[name] = (this.lists[index] as ListColumn).take()));
    TEXT_COLUMNS[this.table].forEach((name, index) => (columns[name] = this.texts[index]));
    return columns;
  }
}
