// Public face of the fetch stage: what the pipeline, CLI and web routes import.
export { blockedReason, checkAddress, parseAllowList, parseIp } from './address.js';
export {
  charsetFromContentType,
  type DecodedBody,
  declaredEncoding,
  decodeBody,
  normalizeLabel,
} from './charset.js';
export { createFetcher } from './client.js';
export { FetchError, parseRetryAfter } from './errors.js';
export type { Resolver } from './guard.js';
export type { FetcherOptions } from './options.js';
export {
  backoffDelayMs,
  type FailureInput,
  type FailurePlan,
  MAX_INTERVAL_SEC,
  MIN_INTERVAL_SEC,
  nextPollAfterFailure,
  nextPollAfterSuccess,
  PAUSE_AFTER_FAILURES,
  type SuccessInput,
  type SuccessPlan,
  stableFraction,
} from './schedule.js';
export type { Fetcher, FetchKind, FetchOptions, FetchResponse } from './types.js';
export {
  callbackUrlFor,
  newSecret,
  type SubscribeRequest,
  subscribe,
  type VerifiedIntent,
  verifyIntent,
  verifySignature,
} from './websub.js';
