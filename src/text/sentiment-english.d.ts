// The English language module of the `sentiment` package (AFINN-165 labels and the negation-aware scoring
// strategy); @types/sentiment does not declare this subpath.
declare module "sentiment/languages/en/index.js" {
  const english: {
    labels: Record<string, number>;
    scoringStrategy: { apply(tokens: string[], cursor: number, tokenScore: number): number };
  };
  export default english;
}

// The Emoji Sentiment Ranking (Kralj Novak et al. 2015) as the `sentiment` package ships it: emoji → −5..5.
declare module "sentiment/build/emoji.json" {
  const emoji: Record<string, number>;
  export default emoji;
}
