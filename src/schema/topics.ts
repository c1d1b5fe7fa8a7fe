import * as z from "zod";
import { resolveTopics, TOPIC_PRESET_NAMES, type TopicPreset } from "../text/topic-presets.js";

const topicMapSchema = z.record(
  z.string().trim().min(1, { error: "expected a topic name" }),
  z.array(z.string().min(1, { error: "expected a keyword" })).min(1, { error: "expected at least one keyword" }).readonly(),
);
const topicPresetSchema = z.enum(TOPIC_PRESET_NAMES as [TopicPreset, ...TopicPreset[]], { error: `expected a topic preset: ${TOPIC_PRESET_NAMES.join(", ")}` });

/**
 * Topics for themes in comments and for matching criticism to what advocates know first-hand: an industry preset's
 * name ("retail", "travel", "telecom", "software", "food", "finance"), a topic → keywords map
 * (`{ shipping: ["delivery", "late"] }`), or a list of them (merged). Resolved to one map. Shared by the ranking
 * options, `armAdvocates` and the warehouse options.
 */
export const topicsSchema = z
  .union([topicPresetSchema, topicMapSchema, z.array(z.union([topicPresetSchema, topicMapSchema])).min(1)], {
    error: `expected a topic preset (${TOPIC_PRESET_NAMES.join(", ")}), a topic → keywords map, or a list of them`,
  })
  .transform((option) => resolveTopics(option) as Record<string, string[]>);
