/**
 * brand-advocates: find the customers who are at once behaviourally loyal, emotionally committed and vocal, and
 * arm them — with grounded, disclosed talking points — to answer public criticism of the brand.
 *
 * Data flows one way: validate → profile → fit → score → rank → arm.
 */

// shared primitives: statistics and text analysis
export { quantileGrid, percentileFromGrid } from "./stats/percentile-grid.js";
export { recencyWeight } from "./stats/decay.js";
export { lowerCredibleBound } from "./stats/credible-bound.js";
export type { DimensionScore } from "./stats/dimension-score.js";
export { textSentiment, type TextSentiment } from "./text/sentiment.js";
export { readTone, shippedToneModel } from "./text/tone/read-tone.js";
export { readToneWith, type ToneReading, type ToneOptions, type ToneAdjustmentWeights } from "./text/tone/tone-reader.js";
export { ToneModel, TONE_CLASSES, type ToneLabel, type PackedToneModel } from "./text/tone/tone-model.js";
export { TONE_MODEL } from "./text/tone/tone-weights.js";
export type { BrandWords } from "./text/tone/tone-tokens.js";
export { detectTopics, DEFAULT_TOPICS, TOPIC_PRESETS, TOPIC_PRESET_NAMES, resolveTopics, type TopicPreset, type TopicsOption } from "./text/topics.js";
export { fitToneAdjustment, attitudeOf, type ToneChoice, type AttitudeExample, type ToneHoldoutScore, type FitToneAdjustmentOptions } from "./text/tone/fit-tone-adjustment.js";
export { isConfidentlyFavourable, toneNote, FAVOURABLE_CONFIDENCE, FAVOURABLE_SCORE, type ToneEvidence } from "./text/tone/tone-trust.js";
export { verbatimThemes, type VerbatimThemes } from "./text/themes.js";
// validate
export * from "./schema/index.js";
// profile
export * from "./profile/index.js";
export { prepareProfiles, finishPreparation, NoRecordsError, type PreparedProfiles, type ReadProfiles, type SourceSummary, type UnmatchedAuthor } from "./profile/prepare-profiles.js";
export { profileAsOf } from "./profile/profile-as-of.js";
export { IdentityCollector, IdentityIndex, handleKey, emailKey, type IdentityFacts } from "./profile/identity-index.js";
export { BrandMatcher } from "./text/brand-mention.js";
export { ProfileBuilder, type ProfileBuilderOptions, type Exclusions, type EventCounts, type TopicMap } from "./profile/profile-builder.js";
export { ProfileStore } from "./profile/profile-store.js";
export { mergeStores, type MergedStores } from "./profile/merge-stores.js";
export type { StoreColumns } from "./profile/profile-store.js";
export { ExclusionPolicy, ExclusionFactsCollector, type ExclusionFacts, type ExclusionRules } from "./profile/exclusion-policy.js";
export { RecordValidator, ABSENT, type RecordVerdict, type FieldIssue } from "./schema/record-validator.js";
export { excludedCustomers, exclusionPolicy, countExclusions, type ExclusionReason, type ExclusionCounts } from "./profile/exclusions.js";
export { latestEventDay } from "./profile/latest-event-day.js";
// dimensions
export * from "./loyalty/loyalty-params.js";
export { fitLoyalty, DEFAULT_HORIZON_WEEKS } from "./loyalty/fit-loyalty.js";
export { scoreLoyalty, LOYALTY_EXPONENTS, FALLBACK_EXPONENTS } from "./loyalty/score-loyalty.js";
export { purchaseHistory, type PurchaseHistory } from "./loyalty/purchase-history.js";
export * from "./loyalty/btyd/index.js";
export * from "./commitment/commitment-params.js";
export { fitCommitment, type FitCommitmentOptions } from "./commitment/fit-commitment.js";
export { scoreCommitment } from "./commitment/score-commitment.js";
export { npsCategory, type NpsCategory } from "./commitment/nps-category.js";
export { responseCommitment, attachmentScore, RESPONSE_SIGNAL_WEIGHTS } from "./commitment/response-commitment.js";
export { cronbachAlpha } from "./commitment/cronbach-alpha.js";
export { netPromoterScore, type NetPromoterScore } from "./commitment/net-promoter-score.js";
export { itemScore, scaleScore } from "./commitment/scale-score.js";
export { fitScales, resolveScales, ALPHA_WARNING } from "./commitment/fit-scales.js";
export { rawCommitment, type RawCommitment } from "./commitment/raw-commitment.js";
export * from "./voice/voice-params.js";
export { fitVoice, type FitVoiceOptions } from "./voice/fit-voice.js";
export { scoreVoice } from "./voice/score-voice.js";
export { brandActivity, DEFENCE_WEIGHT, OFF_TOPIC_WEIGHT, type BrandActivity } from "./voice/brand-activity.js";
export { publicActivity, stanceOf, TONE_THRESHOLD, READ_TONE_THRESHOLD, type PublicActivity, type Stance, type Tally } from "./voice/public-activity.js";
export { voiceFeatures, voiceFeaturesOf, featureVector, VOICE_FEATURE_NAMES, REACH_CAP, type VoiceFeatures } from "./voice/voice-features.js";
export { criticismLandscape, exposureOf, type CriticismLandscape, type Exposure } from "./voice/exposure.js";
export { knowledgeOf, type Knowledge } from "./voice/knowledge.js";
export * from "./voice/learn/index.js";
// model
export * from "./model/advocate-model.js";
export { fitModel, fitModelToProfiles } from "./model/fit-model.js";
export { score, type CustomerScore } from "./model/score.js";
export { advocateScore } from "./model/advocate-score.js";
// rank
export { SEGMENTS, segmentOf, type Segment } from "./rank/segment.js";
export { reasonsFor } from "./rank/reasons.js";
export { compareRank } from "./rank/rank-order.js";
export { statedVsRevealed, type LoyaltyQuadrant, type StatedVsRevealed } from "./rank/stated-vs-revealed.js";
export { HIGH, VOCAL, LAPSED } from "./rank/thresholds.js";
export { findPersonas, type Persona, type PersonaOptions, type ScorePoint } from "./rank/personas.js";
// arm
export type { Advocate } from "./arm/advocate.js";
export { armAdvocates, isCritic, type ArmOptions, type ArmResult, type AdvocateKit, type AdvocateAlert } from "./arm/arm-advocates.js";
export { ownTalkingPoints } from "./arm/own-talking-points.js";
export { citeRecord, formatCitation, type Citation, type TalkingPoint, type QuotedTone } from "./arm/citation.js";
export { disclosureLine, ADVOCACY_GUIDELINES } from "./arm/disclosure.js";
export { kitMarkdown } from "./arm/kit-markdown.js";
export { kitsCsv, KIT_CSV_COLUMNS } from "./io/kits-csv.js";
export { invitationsCsv, INVITATION_CSV_COLUMNS } from "./io/invitations-csv.js";
export { explainCustomer } from "./io/explain-customer.js";
// the whole job: validate → profile → fit → score → rank → talking points
export { identifyAdvocates, rankProfiles, type AdvocateResult, type ExcludedCounts } from "./pipeline/identify-advocates.js";
export { backtest, backtestProfiles, backtestSplit, type BacktestOptions, type BacktestResult, type RankingOutcome } from "./pipeline/backtest.js";
// report (vega and vega-lite are optional peer dependencies, loaded only when a report is rendered)
export * from "./report/index.js";
// warehouse: profile in SQL where the data lives, fit in Node, score everyone in a JavaScript UDF
export { profileSql } from "./warehouse/profile-sql.js";
export { profileFromRow, type ProfileFromRowOptions, type ProfileRow, type TopicKeywords } from "./warehouse/profile-from-row.js";
export { WAREHOUSE_DIALECTS, type WarehouseDialect } from "./warehouse/sql-dialect.js";
export {
  WAREHOUSE_FIELDS,
  type ProfileSqlOptions,
  type WarehouseTable,
  type WarehouseSource,
  type CustomerTable,
  type PurchaseTable,
  type SurveyTable,
  type SocialTable,
  type KeyedColumns,
  type RowNumber,
} from "./warehouse/profile-sql-options.js";
export {
  scoringUdf,
  BIGQUERY_INLINE_LIMIT,
  SNOWFLAKE_RECOMMENDED_LIMIT,
  type ScoringUdf,
  type ScoringUdfOptions,
  type UdfDialect,
} from "./warehouse/scoring-udf.js";
// io
export { readRecords, parseCsv, streamCsv, streamNdjson, InputFileError } from "./io/read-records.js";
export { loadData, type DataFiles, type LoadedData, type LoadOptions } from "./io/load-data.js";
export { loadFacts, loadCriticism } from "./io/load-facts.js";
export { profileFiles, type DataFileSets, type FilePaths, type ReadOptions } from "./io/profile-files.js";
export { nestColumns } from "./io/nest-columns.js";
export { EXPORT_PRESETS, PRESET_ALIASES, presetNamed, type ExportPreset, type ExportPresetName } from "./schema/presets/index.js";
export { advocatesCsv, ADVOCATE_CSV_COLUMNS } from "./io/advocates-csv.js";
export { advocatesTable } from "./io/advocates-table.js";
export { csvText, FORMULA_PREFIXES, type CsvCell } from "./io/csv-writer.js";
export { terminalText, terminalLines, terminalJson, CONTROL_CHARACTERS } from "./io/control-characters.js";
// close the loop: triage and outcomes
export { triageCriticism, type TriageResult, type TriagedThread, type SeverityParts, type TriageOptions } from "./triage/triage-criticism.js";
export { SEVERITY_WEIGHTS, DEFAULT_TOPIC_SEVERITY, NO_TOPIC_SEVERITY, REPEAT_COMPLAINTS } from "./triage/severity.js";
export { triageOptionsSchema } from "./schema/triage-options.js";
export { invitationSchema, invitationSchemaFor, type Invitation, type InvitationInput } from "./schema/invitation.js";
export { invitationsOf } from "./outcomes/invitations-of.js";
export { trackOutcomes, trackOutcomesOptionsSchema, type TrackOutcomesOptions, type OutcomeReport, type InvitationOutcome, type ResponseRate } from "./outcomes/track-outcomes.js";
export { fitResponseModel, responseProbability, RESPONSE_FEATURES, MIN_OUTCOMES, type ResponseModel } from "./outcomes/response-model.js";
export { withResponseModel } from "./model/with-response-model.js";
