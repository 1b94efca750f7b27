// A progress bar on stderr for long demo loads: one redrawn line with a bar, the percentage and
// the phase on a terminal; plain lines (each phase, then every 10%) when stderr is a pipe or file.

export interface ProgressEvent {
  phase: string;
  done: number;
  total: number;
}

export type OnProgress = (event: ProgressEvent) => void;

const WIDTH = 30;

export function renderBar({ phase, done, total }: ProgressEvent): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${phase}`;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): OnProgress & { finish(): void } {
  let lastPhase = '';
  let lastTenth = -1;
  let lastLine = '';
  const onProgress = (event: ProgressEvent) => {
    if (stream.isTTY) {
      const line = renderBar(event);
      if (line !== lastLine) stream.write(`\r${line.padEnd(lastLine.length)}`);
      lastLine = line;
      return;
    }
    const tenth = event.total > 0 ? Math.floor((10 * event.done) / event.total) : 10;
    if (event.phase !== lastPhase || tenth !== lastTenth) stream.write(`${renderBar(event)}\n`);
    lastPhase = event.phase;
    lastTenth = tenth;
  };
  return Object.assign(onProgress, {
    finish() {
      if (stream.isTTY && lastLine) stream.write('\n');
      lastLine = '';
    },
  });
}
