// The demo loader's progress bar: a redrawn line on a terminal, plain lines otherwise.
import { describe, expect, it } from 'vitest';
import { progressBar, renderBar } from '../../server/src/demo/progress';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return {
    chunks,
    stream: { isTTY, write: (s: string) => chunks.push(s) > 0 } as unknown as NodeJS.WriteStream,
  };
}

describe('progress bar', () => {
  it('renders a bar, the percentage and the phase', () => {
    expect(renderBar({ phase: 'writing reports', done: 50, total: 200 })).toBe(
      `[${'#'.repeat(8)}${'.'.repeat(22)}]  25% writing reports`,
    );
    expect(renderBar({ phase: 'done', done: 5, total: 0 })).toContain('100% done');
    expect(renderBar({ phase: 'over', done: 300, total: 200 })).toContain('100% over');
  });

  it('writes plain lines on each phase and every tenth when not a terminal', () => {
    const { chunks, stream } = fakeStream(false);
    const bar = progressBar(stream);
    for (let done = 0; done <= 1000; done += 10) bar({ phase: 'writing companies', done, total: 1000 });
    bar({ phase: 'analyzing', done: 1000, total: 1000 });
    bar.finish();
    expect(chunks.every((c) => c.endsWith('\n') && !c.includes('\r'))).toBe(true);
    expect(chunks.length).toBe(12);
    expect(chunks.at(-1)).toContain('analyzing');
  });

  it('redraws one line on a terminal and ends it when finished', () => {
    const { chunks, stream } = fakeStream(true);
    const bar = progressBar(stream);
    bar({ phase: 'generating', done: 1, total: 4 });
    bar({ phase: 'generating', done: 1, total: 4 });
    bar({ phase: 'generating', done: 2, total: 4 });
    bar.finish();
    expect(chunks.length).toBe(3);
    expect(chunks[0]!.startsWith('\r')).toBe(true);
    expect(chunks.at(-1)).toBe('\n');
  });
});
