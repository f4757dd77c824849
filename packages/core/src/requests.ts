/**
 * The most procedures one batched API request may call. The server refuses more; the web client
 * splits its batches at this size.
 */
export const MAX_BATCH_PROCEDURES = 50;
