/** graph/core: the one HTTP entry point to Microsoft Graph and its helpers. */
export { createGraphClient, GRAPH_BASE_URL, type GraphClient, type GraphClientOptions, type TokenProvider, type RetryPolicy } from './client.js';
export { graphRequest, seg, encodeQuery, isAbsoluteUrl, type GraphRequestOptions, type GraphResponse, type QueryValue } from './request.js';
export { GraphError, GraphConflictError, isAbortError, parseRetryAfter } from './errors.js';
export { toGraphError, graphCall } from './sdkErrors.js';
export { DEFAULT_RETRY_POLICY, RETRYABLE_STATUSES, isRetryable, isIdempotent } from './retry.js';
export { getPage, getAll, pages, type Page, type PageOptions } from './paging.js';
export { runDelta, type DeltaResult, type DeltaOptions } from './delta.js';
export { batch, batchBody, MAX_BATCH_SIZE, type BatchRequest, type BatchResponse } from './batch.js';
export { f, renderFilter, listFilter, filterFields, nonIndexedFields, quote, NonIndexedFilterError, MultiFieldFilterError, type FilterExpr, type FilterValue } from './filter.js';
