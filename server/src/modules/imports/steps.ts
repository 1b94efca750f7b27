// How many rows one statement of an import takes, by database. On PostgreSQL big statements are the
// fastest (pnpm bench:imports). On PGlite every statement runs on the server's one thread and holds
// up every request until it returns — the progress polls too, and past MAX_EVENT_LOOP_DELAY_MS the
// server sheds requests with 503 — so statements there stay well under that (~0.1–0.3 s each).
import type { Database } from '../../db/client';

export interface ImportSteps {
  /** USCCs per look-up of the records a file's rows match. */
  lookup: number;
  /** Admissions per call of admitManyInTx (progress moves per call). */
  admit: number;
  /** Reports written or approved per statement (one jsonb value each, a few megabytes at most). */
  report: number;
}

export const importSteps = (kind: Database['kind']): ImportSteps =>
  kind === 'pglite'
    ? { lookup: 2000, admit: 250, report: 1000 }
    : { lookup: 10_000, admit: 2000, report: 5000 };
