import type { ResponseModel } from "../schema/response-model.js";
import type { AdvocateModel } from "./advocate-model.js";

/**
 * The model with a response model recorded in it (a new object: models are treated as immutable), so the model
 * says who is expected to respond and why, as it says which voice model it uses.
 *
 * @example
 * const model = withResponseModel(result.model, fitResponseModel(report.outcomes));
 * armAdvocates(result.advocates, criticism, { brand, facts, responseModel: model.response });
 */
export function withResponseModel(model: AdvocateModel, response: ResponseModel): AdvocateModel {
  return { ...model, response };
}
