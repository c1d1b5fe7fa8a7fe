// The language processor of `sentiment`: AFINN-165 with the Emoji Sentiment Ranking merged in, per language.
declare module "sentiment/lib/language-processor.js" {
  const languages: { getLabels(language: string): Record<string, number> };
  export default languages;
}
