import * as z from "zod";

/**
 * What an incentive may depend on: nothing (`"none"`: the advocate gets it whether or not they post), or posting at
 * all (`"for-posting"`), whatever the post says. A reward that depends on tone, rating or recommending is banned
 * (FTC 16 CFR 465.4: no reviews or testimonials bought on the condition that they express a particular sentiment;
 * UK CMA guidance likewise), so it cannot be written down in this type at all.
 */
export const INCENTIVE_CONDITIONS = ["none", "for-posting"] as const;

/** One documented rule of the free-text check: what it catches and how it finds it. */
export interface IncentiveRule {
  readonly rule: string;
  readonly pattern: RegExp;
}

const SPEECH = String.raw`(?:posts?|posting|reviews?|repl(?:y|ies)|comments?|words?|things?|something|anything|feedback|mentions?|tweets?|stor(?:y|ies)|testimonials?|ratings?|opinions?|shout-?outs?|content|videos?|photos?|messages?|answers?|about us|about the brand)`;
const SPEAK = String.raw`(?:say|says|saying|said|write|writes|writing|wrote|post|posts|posting|leave|leaving|give|giving|share|sharing|speak|speaking|talk|talking|tweet|tweeting|tell|telling|describe|describing|mention|mentioning|review|reviewing|reply|replying|respond|responding|comment|commenting)`;
const MILD_TONE = String.raw`(?:nice|nicer|good|great|kind|happy|lovely|amazing|excellent|awesome|fantastic|brilliant|wonderful|warm|supportive|enthusiastic|best|better|honest and (?:kind|nice|good))`;
const NEAR = String.raw`(?:\W+\w+){0,4}?\W+`;

/**
 * The free-text check. An incentive written as text (a plain string, or the CLI's `--incentive`) must say only what
 * the advocate receives; it is refused when it matches any of these rules. They are deliberately broad — a refused
 * honest incentive costs a rephrase, an accepted conditioned one is a breach — and the structured form is the way to
 * say "for posting".
 *
 * 1. **A condition**: `if`, `unless`, `provided`, `as long as`, `in exchange for`, `in return for`, `on condition`,
 *    `depending on`, `only for`/`only when`, `when you`, `once you`, `after you`, `for every`/`for each`/`for any`,
 *    `per post`/`per review`/… — conditions belong in `condition`, where only "none" and "for-posting" exist.
 * 2. **A rating**: stars (`4-star`, `five stars`), scores (`5/5`, `10/10`), rate/rating/rated/score/grade/marks,
 *    NPS or promoter, thumbs up, upvotes, "or better", "or higher", "or above".
 * 3. **Tone**: positive, favourable, glowing, flattering, complimentary, praise, rave, upbeat; or a milder word (nice,
 *    good, great, kind, happy, lovely, amazing, excellent, …) within four words of a post, review, reply, comment,
 *    words, things, something, "about us"…, or after say, write, post, leave, give, share, speak, tell…; and
 *    "speak well", "think highly", "talk us up".
 * 4. **Recommending or taking sides**: recommend, endorse, vouch, defend, advocate, testimonial, "promote us",
 *    "back us", "support us", "stick up for", "take our side", "on our side", "in our favour", "spread the word",
 *    "shout-out", "plug us".
 */
export const INCENTIVE_RULES: readonly IncentiveRule[] = [
  {
    rule: "a condition",
    pattern: new RegExp(
      String.raw`\b(?:if|unless|whenever|provided|providing|as long as|so long as|in (?:exchange|return) for|on (?:the )?condition|conditional|contingent|depending on|depends on|dependent on|only (?:for|when|after|once|if)|when you|once you|after you|for (?:every|each|any)|per ${SPEECH}|per (?:star|like|share))\b`,
      "i",
    ),
  },
  {
    rule: "a rating",
    pattern: new RegExp(
      String.raw`\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*(?:stars?|points?|out of)\b|\bstar(?:s|red)?\b|\b\d+\s*\/\s*\d+\b` +
        String.raw`|\b(?:rate|rates|rated|rating|ratings|score|scores|scored|grade|graded|marks?)\b|\b(?:nps|promoters?)\b|\bthumbs?[\s-]*up\b|\bupvot\w*` +
        String.raw`|\bor (?:better|higher|above|more|up)\b`,
      "i",
    ),
  },
  {
    rule: "tone",
    pattern: new RegExp(
      String.raw`\b(?:positive|positively|favou?rabl[ey]|glowing|flattering|complimentary|compliments?|praise\w*|praising|rave|raving|upbeat)\b` +
        String.raw`|\b${MILD_TONE}${NEAR}${SPEECH}\b|\b${SPEECH}${NEAR}${MILD_TONE}\b|\b${SPEAK}${NEAR}${MILD_TONE}\b` +
        String.raw`|\b(?:speak|speaking|talk|talking|think|thinking|say|saying|write|writing)\s+(?:well|highly)\b|\btalk(?:s|ing)?\s+(?:us|it|the brand)\s+up\b`,
      "i",
    ),
  },
  {
    rule: "recommending or taking sides",
    pattern: new RegExp(
      String.raw`\b(?:recommend\w*|endors\w*|vouch(?:es|ed|ing)?|defend\w*|defen[cs]e|advocat\w*|testimonials?)\b` +
        String.raw`|\bpromot(?:e|es|ing) (?:us|our|the brand|it)\b|\b(?:back|backs|backing|support|supports|supporting|plug|plugs|plugging) (?:us|our|the brand)\b` +
        String.raw`|\bstick(?:s|ing)? up for\b|\btak(?:e|es|ing) (?:our|the brand's) side\b|\bside with us\b|\bon our side\b|\bin our favou?r\b` +
        String.raw`|\bspread(?:s|ing)? the word\b|\bshout[\s-]?outs?\b|\bword of mouth\b`,
      "i",
    ),
  },
];

/**
 * The first rule an incentive's text breaks, with the words that broke it, or `undefined` when it only says what
 * the advocate receives.
 *
 * @example
 * incentiveTextProblem("£20 for a 4-star or better review"); //=> { rule: "a rating", words: "4-star" }
 * incentiveTextProblem("a £10 voucher"); //=> undefined
 */
export function incentiveTextProblem(text: string): { rule: string; words: string } | undefined {
  for (const { rule, pattern } of INCENTIVE_RULES) {
    const match = pattern.exec(text);
    if (match !== null) return { rule, words: match[0] };
  }
  return undefined;
}

const what = z
  .string({ error: "expected what the advocate receives (text)" })
  .trim()
  .min(1, { error: "expected what the advocate receives" })
  .superRefine((text, context) => {
    const problem = incentiveTextProblem(text);
    if (problem === undefined) return;
    context.addIssue({
      code: "custom",
      message:
        `${JSON.stringify(text)} ties the reward to ${problem.rule} (${JSON.stringify(problem.words)}): an incentive may not depend on what the advocate ` +
        `says (tone, rating, recommending). Say only what they receive, as { what, condition: "none" | "for-posting" }`,
    });
  });

/**
 * An incentive: what the advocate receives, and what it depends on (nothing, or posting at all). Text alone is
 * accepted too (the CLI's `--incentive`), read as `{ what: text, condition: "none" }` once it passes the
 * {@link INCENTIVE_RULES} check; `what` is checked the same way.
 */
export const incentiveSchema = z.preprocess(
  (value) => (typeof value === "string" ? { what: value, condition: "none" } : value),
  z.strictObject(
    {
      what,
      condition: z.enum(INCENTIVE_CONDITIONS, {
        error: 'expected condition "none" (received whether or not they post) or "for-posting" (for posting at all, whatever it says); nothing else can be a condition',
      }),
    },
    { error: (issue) => (issue.code === "invalid_type" ? 'expected what the advocate receives: text, or { what, condition: "none" | "for-posting" }' : undefined) },
  ),
) as unknown as z.ZodType<Incentive, IncentiveInput>;

/** What an incentive depends on. */
export type IncentiveCondition = (typeof INCENTIVE_CONDITIONS)[number];
/** An incentive, as resolved. */
export interface Incentive {
  readonly what: string;
  readonly condition: IncentiveCondition;
}
/** An incentive as callers write it: text (read as `condition: "none"`), or `{ what, condition }`. */
export type IncentiveInput = string | { readonly what: string; readonly condition: IncentiveCondition };
