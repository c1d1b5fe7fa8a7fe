CREATE TEMP FUNCTION score_advocate(profile STRING)
RETURNS STRING
DETERMINISTIC
LANGUAGE js
AS r"""
var root = typeof globalThis === "object" ? globalThis : Function("return this")();
if (typeof root.brandAdvocatesScore_3558b24b !== "function") {
  root.brandAdvocatesScore_3558b24b = (function () {
var brandAdvocatesUdf = { scorer: function () { return function () { return '{}'; }; } };
var brandAdvocatesScore_3558b24b = brandAdvocatesUdf.scorer({"format":"brand-advocates/model","version":1}, {});

    return brandAdvocatesScore_3558b24b;
  })();
}
return root.brandAdvocatesScore_3558b24b(profile);
""";
-- Score every profile row: SELECT customerId, score_advocate(TO_JSON_STRING(p)) AS score FROM profiles AS p;
