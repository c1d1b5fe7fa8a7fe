export { fileError, InputFileError } from "../schema/input-file-error.js";
