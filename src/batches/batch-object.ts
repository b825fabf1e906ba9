/** Batch statuses, as documented. */
export type BatchStatus = 'validating' | 'failed' | 'in_progress' | 'finalizing' | 'completed' | 'expired' | 'cancelling' | 'cancelled';

/** One problem found while validating the input file (OpenAI's `errors.data[]` entry). */
export interface BatchLineError {
  code: string;
  line: number | null;
  message: string;
  param: string | null;
}

/** The BatchObject of the Batch API (OpenAI-compatible), keys in OpenAI's order. */
export interface BatchObject {
  id: string;
  object: 'batch';
  endpoint: string;
  errors: { object: 'list'; data: BatchLineError[] } | null;
  input_file_id: string;
  completion_window: string;
  status: BatchStatus;
  output_file_id: string | null;
  error_file_id: string | null;
  created_at: number;
  in_progress_at: number | null;
  expires_at: number;
  finalizing_at: number | null;
  completed_at: number | null;
  failed_at: number | null;
  expired_at: number | null;
  cancelling_at: number | null;
  cancelled_at: number | null;
  request_counts: { total: number; completed: number; failed: number };
  metadata: Record<string, string> | null;
}

/** One line of an output or error file (OpenAI's format; Moonshot's is not documented). */
export interface BatchResultLine {
  id: string;
  custom_id: string;
  response: { status_code: number; request_id: string; body: unknown } | null;
  error: { code: string; message: string } | null;
}

/** Statuses from which `cancel` is allowed. */
export const CANCELLABLE: ReadonlySet<BatchStatus> = new Set(['validating', 'in_progress', 'finalizing']);
