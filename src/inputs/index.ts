/** Reading SQL inputs: files, directories, globs, zip archives and stdin. */
export { readBuffers, readInputs, readRawInputs, STDIN_PATH, type RawInputsResult } from './read.js';
export { decodeBytes, type Decoded, type Encoding } from './decode.js';
export {
  DEFAULT_INPUT_LIMITS,
  type InputLimits,
  type ReadInputsOptions,
  type ReadInputsResult,
  type SourceFile,
} from './types.js';
