// How far a running validation or commit has got, for GET /imports/:id while it runs. Kept in the
// process: a commit's own transaction cannot show its progress to other connections before it ends.

import type { ImportProgress } from '@torch/shared';
import type { z } from 'zod';

type Progress = z.infer<typeof ImportProgress>;
const running = new Map<string, Progress>();

export function setProgress(id: string, progress: Progress) {
  running.set(id, progress);
}

export function endProgress(id: string) {
  running.delete(id);
}

export function progressOf(id: string, rows: number): Progress {
  return running.get(id) ?? { phase: 'done', done: rows, total: rows };
}
