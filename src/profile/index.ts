export * from "./customer-profile.js";
export * from "./build-profiles.js";
export * from "./merge-profiles.js";
export * from "./day.js";
export { compareText } from "./order.js";
