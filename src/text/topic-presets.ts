/**
 * Topic keywords by industry, written from what customers of each kind of business write about. Keywords match
 * whole words after Porter stemming ("delay" matches "delayed", "delays"; "app" never matches "appreciate"), a
 * keyword of several words matches that phrase, and a keyword ending in `*` matches any word it begins ("wi-fi*").
 * Choose one with the `topics` option (`topics: "travel"`), several (`["retail", "food"]`: their topics merge), or
 * pass your own map.
 */
export type TopicMap = Readonly<Record<string, readonly string[]>>;

const SUPPORT = ["support", "service", "customer service", "customer care", "agent", "help desk", "helpline", "call centre", "call center", "staff", "rep", "representative", "on hold", "chat", "response", "respond", "reply", "complaint"];

export const TOPIC_PRESETS = {
  /** Online and high-street shops: orders, delivery, returns, stock, checkout. */
  retail: {
    shipping: ["shipping", "ship", "delivery", "deliver", "courier", "parcel", "package", "dispatch", "tracking", "arrive", "arrival", "late", "lost in the post", "driver", "next day", "same day"],
    returns: ["return", "refund", "exchange", "money back", "store credit", "cancel", "cancellation"],
    price: ["price", "cost", "expensive", "cheap", "overpriced", "value", "discount", "sale", "promo", "promo code", "coupon", "voucher", "fee", "charge", "charged", "£", "$", "€"],
    stock: ["stock", "out of stock", "sold out", "restock", "availability", "available", "pre-order", "preorder", "backorder"],
    quality: ["quality", "broken", "damaged", "defect", "defective", "faulty", "fake", "cheaply made", "wrong item", "wrong size", "fit", "sizing"],
    website: ["website", "site", "app", "checkout", "basket", "cart", "login", "log in", "account", "password", "payment", "crash", "bug", "error"],
    store: ["store", "shop", "branch", "queue", "till", "checkout line", "cashier", "parking", "aisle"],
    support: SUPPORT,
  },
  /** Airlines, rail, hotels and holidays: delays, baggage, booking, seats, crew, rooms. */
  travel: {
    delays: ["delay", "delayed", "late", "cancel", "cancelled", "canceled", "cancellation", "reschedule", "rebook", "missed connection", "connection", "stranded", "on time", "tarmac", "diverted"],
    baggage: ["baggage", "bag", "luggage", "suitcase", "lost bag", "lost luggage", "carry-on", "carry on", "checked bag", "baggage claim", "bag fee"],
    booking: ["booking", "book", "reservation", "reserve", "ticket", "itinerary", "check-in", "check in", "boarding pass", "website", "app", "change fee", "confirmation"],
    seats: ["seat", "seating", "legroom", "upgrade", "first class", "business class", "economy", "aisle", "window seat", "middle seat", "overbooked", "bumped"],
    crew: ["crew", "flight attendant", "pilot", "cabin crew", "gate agent", "agent", "staff", "conductor", "captain", "steward", "stewardess"],
    comfort: ["comfort", "comfortable", "clean", "dirty", "wifi", "wi-fi*", "entertainment", "food", "meal", "snack", "drink", "lounge", "cabin", "toilet", "noise"],
    rooms: ["room", "hotel", "bed", "suite", "housekeeping", "front desk", "reception", "check-out", "checkout", "pool", "breakfast", "view"],
    price: ["price", "fare", "fee", "cost", "expensive", "cheap", "refund", "compensation", "voucher", "miles", "points", "charge", "charged", "$", "£", "€"],
    support: SUPPORT,
  },
  /** Mobile, broadband, TV and energy providers: coverage, outages, bills, contracts, installation. */
  telecom: {
    coverage: ["signal", "coverage", "reception", "bars", "dead zone", "dropped call", "drop call", "4g", "5g", "lte", "network"],
    outage: ["outage", "down", "offline", "no internet", "no service", "no power", "power cut", "blackout", "disconnect", "disconnected", "keeps dropping", "restore", "restored"],
    speed: ["speed", "slow", "fast", "mbps", "gbps", "bandwidth", "lag", "latency", "buffering", "buffer", "fibre", "fiber", "gigabit", "broadband", "wifi", "wi-fi*", "router", "modem"],
    billing: ["bill", "billing", "charge", "charged", "overcharged", "fee", "payment", "autopay", "refund", "credit", "price", "cost", "rate", "tariff", "meter", "reading", "$", "£", "€"],
    contract: ["contract", "plan", "upgrade", "cancel", "cancellation", "early termination", "switch", "port", "porting", "renewal", "deal", "promotion", "unlimited"],
    installation: ["install", "installation", "technician", "engineer", "tech", "appointment", "equipment", "box", "setup", "set up", "activation", "activate", "sim"],
    support: SUPPORT,
  },
  /** Software and SaaS: reliability, bugs, updates, usability, features, billing, data. */
  software: {
    reliability: ["outage", "down", "downtime", "crash", "crashes", "freeze", "frozen", "hang", "unresponsive", "uptime", "stable", "reliable", "sync", "won't load", "not loading"],
    bugs: ["bug", "glitch", "error", "broken", "issue", "not working", "doesn't work", "fix", "patch", "workaround"],
    updates: ["update", "upgrade", "version", "release", "new version", "latest version", "ios", "android", "changelog", "roll back", "rollback"],
    usability: ["interface", "ui", "ux", "design", "layout", "confusing", "intuitive", "easy to use", "user-friendly", "user friendly", "navigation", "menu", "setting"],
    features: ["feature", "integration", "api", "plugin", "export", "import", "feature request", "missing feature", "roadmap", "dark mode"],
    billing: ["subscription", "plan", "pricing", "price", "charge", "charged", "invoice", "billing", "renewal", "trial", "refund", "licence", "license", "seat", "$", "£", "€"],
    account: ["account", "login", "log in", "password", "two-factor", "2fa", "locked out", "sign in", "sign up", "verification", "hacked"],
    privacy: ["privacy", "data", "security", "breach", "gdpr", "tracking", "permission", "personal information", "personal data"],
    support: SUPPORT,
  },
  /** Restaurants, cafés, food and drink brands and delivery: taste, freshness, orders, wait, hygiene. */
  food: {
    taste: ["taste", "tasty", "flavour", "flavor", "delicious", "bland", "salty", "sweet", "spicy", "bitter", "stale", "soggy", "cold", "overcooked", "undercooked", "burnt"],
    freshness: ["fresh", "stale", "mouldy", "moldy", "expired", "best before", "use by", "rotten"],
    order: ["order", "wrong order", "missing", "forgot", "portion", "portion size", "size", "ingredient", "topping", "sauce", "menu"],
    delivery: ["delivery", "deliver", "driver", "courier", "late", "arrive", "cold food", "doordash", "uber eats", "ubereats", "deliveroo", "just eat", "postmates"],
    wait: ["wait", "waiting", "queue", "line", "slow service", "took forever", "minutes", "hour"],
    hygiene: ["hygiene", "dirty", "clean", "hair", "plastic", "bone", "food poisoning", "sick", "allergy", "allergen", "gluten", "nut"],
    price: ["price", "cost", "expensive", "cheap", "value", "deal", "offer", "promo", "coupon", "voucher", "$", "£", "€"],
    quality: ["quality", "bean", "roast", "coffee", "brew", "blend", "ingredient", "organic", "recipe"],
    staff: ["staff", "server", "waiter", "waitress", "barista", "cashier", "manager", "employee", "crew", "rude", "friendly"],
    support: SUPPORT,
  },
  /** Banks, cards, insurers and payment apps: fees, fraud, transfers, cards, loans, claims. */
  finance: {
    fees: ["fee", "charge", "charged", "overdraft", "interest", "rate", "apr", "penalty", "late fee", "hidden fee", "cost"],
    fraud: ["fraud", "fraudulent", "scam", "stolen", "unauthorized", "unauthorised", "hacked", "phishing", "dispute", "chargeback", "identity theft"],
    transfers: ["transfer", "payment", "pending", "deposit", "withdrawal", "wire", "direct deposit", "cheque", "refund", "declined", "on hold", "frozen"],
    cards: ["card", "debit card", "credit card", "contactless", "pin", "atm", "new card", "replacement card", "limit", "credit limit"],
    account: ["account", "login", "log in", "password", "app", "online banking", "statement", "locked", "closed", "verification", "kyc"],
    loans: ["loan", "mortgage", "credit score", "approval", "approved", "application", "refinance", "repayment"],
    claims: ["claim", "insurance", "policy", "premium", "cover", "coverage", "adjuster", "payout", "deductible", "excess"],
    support: SUPPORT,
  },
} as const satisfies Record<string, TopicMap>;

/** The names of the industry presets. */
export type TopicPreset = keyof typeof TOPIC_PRESETS;
export const TOPIC_PRESET_NAMES = Object.keys(TOPIC_PRESETS) as TopicPreset[];

/**
 * The topics of a coffee subscription brand (the bundled sample), the default: shipping, price, support, quality,
 * app, sustainability.
 */
export const DEFAULT_TOPICS: TopicMap = {
  shipping: ["shipping", "ship", "deliver", "delivery", "arrive", "arrival", "late", "courier", "parcel", "dispatch", "package", "tracking"],
  price: ["price", "expensive", "cost", "cheap", "value", "overpriced", "subscription fee", "£", "$"],
  support: ["support", "service", "help", "agent", "refund", "respond", "response", "customer care", "sorted"],
  quality: ["quality", "fresh", "taste", "flavour", "flavor", "bean", "roast", "stale", "broken", "defect", "defective"],
  app: ["app", "website", "login", "log in", "checkout", "crash", "bug", "update"],
  sustainability: ["sustainable", "sustainability", "recycle", "recyclable", "recycled", "plastic", "ethical", "fair trade", "compost", "compostable", "carbon"],
};

/** What the `topics` option accepts: a preset's name, a topic map, or a list of either (merged). */
export type TopicsOption = TopicPreset | TopicMap | ReadonlyArray<TopicPreset | TopicMap>;

/**
 * The topic map a `topics` option names: a preset, a map, or several merged (a topic in more than one keeps all
 * their keywords).
 *
 * @throws {RangeError} on an unknown preset name.
 * @example
 * Object.keys(resolveTopics("travel")); //=> ["delays", "baggage", "booking", "seats", "crew", "comfort", "rooms", "price", "support"]
 * resolveTopics(undefined) === DEFAULT_TOPICS; //=> true
 */
export function resolveTopics(option: TopicsOption | undefined): TopicMap {
  if (option === undefined) return DEFAULT_TOPICS;
  const parts = typeof option === "string" || !Array.isArray(option) ? [option as TopicPreset | TopicMap] : (option as ReadonlyArray<TopicPreset | TopicMap>);
  if (parts.length === 1 && typeof parts[0] !== "string") return parts[0] as TopicMap;
  const merged = new Map<string, string[]>();
  for (const part of parts) {
    const map: TopicMap | undefined = typeof part === "string" ? (TOPIC_PRESETS as Record<string, TopicMap>)[part] : part;
    if (map === undefined) throw new RangeError(`unknown topic preset ${JSON.stringify(part)}: expected one of ${TOPIC_PRESET_NAMES.join(", ")}`);
    for (const [topic, words] of Object.entries(map)) merged.set(topic, [...new Set([...(merged.get(topic) ?? []), ...words])]);
  }
  return Object.fromEntries(merged);
}
