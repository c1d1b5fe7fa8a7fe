/**
 * How the parts of a thread's severity are weighed (they sum to 1). Tone leads — how harsh the criticism is — then
 * who is complaining (a valuable customer's complaint costs more if unanswered) and what about; a complainer who
 * keeps coming back adds a little, since each unanswered complaint compounds.
 */
export const SEVERITY_WEIGHTS = { tone: 0.45, customerValue: 0.2, repeat: 0.15, topic: 0.2 } as const;

/**
 * How much a topic weighs in severity, 0..1, by the library's topic names (override with `topicSeverity`): money
 * taken and safety weigh most, service failures next, matters of taste least. `default` for any other topic.
 */
export const DEFAULT_TOPIC_SEVERITY: Readonly<Record<string, number>> = {
  default: 0.6,
  safety: 1,
  billing: 0.9,
  refunds: 0.9,
  fees: 0.85,
  fraud: 1,
  price: 0.6,
  support: 0.75,
  shipping: 0.7,
  delays: 0.7,
  baggage: 0.8,
  outage: 0.9,
  quality: 0.7,
  app: 0.6,
  taste: 0.4,
  sustainability: 0.5,
};

/** A criticism whose topic is not known weighs this much (it cannot be matched, but it is still criticism). */
export const NO_TOPIC_SEVERITY = 0.4;

/**
 * Complaints from one author, in the mentions triaged, that make them a repeat complainer: the repeat part of
 * severity is full, and advocates are not invited to their threads.
 */
export const REPEAT_COMPLAINTS = 3;
