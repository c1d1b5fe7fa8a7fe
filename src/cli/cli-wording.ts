/**
 * The library's messages name its API options (`asOf`, `minimum.voice`, `dedupe`); on the command line the same
 * advice must name the flags. Each rule rewrites one phrasing the library uses.
 */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/Pass the asOf option to rank as of a day anyway\./g, "Pass --as-of YYYY-MM-DD to rank as of a day anyway."],
  [/the asOf option/g, "--as-of"],
  [/pass dedupe to drop them/g, "pass --dedupe to drop them"],
  [/set minimum\.(\w+) and weights\.\1 to 0/g, "pass --min $1=0 --weight $1=0"],
  [/\(minimum\.(\w+) is ([\d.]+),/g, "(--min $1 is $2,"],
  [/lower a minimum to see who comes closest/g, "lower a minimum (--min loyalty=0 …) to see who comes closest"],
  [/allowEmpty: true \(CLI (--allow-empty \w+)\)/g, "$1"],
  [/give it \(encoding: "windows-1252", "utf-16le", …\)/g, "give it (--encoding KIND=windows-1252, utf-16le, …)"],
  [/or use a preset/g, "or use a preset (--preset)"],
  [/brand\.names/g, "--brand-name"],
];

/**
 * A library message worded for the command line: API option names replaced by the flags that set them.
 *
 * @example
 * cliWording("… nothing to rank. Pass the asOf option to rank as of a day anyway.");
 * //=> "… nothing to rank. Pass --as-of YYYY-MM-DD to rank as of a day anyway."
 */
export function cliWording(message: string): string {
  let worded = message;
  for (const [pattern, replacement] of RULES) worded = worded.replace(pattern, replacement);
  return worded;
}
