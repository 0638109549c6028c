import type { Dispatch } from 'react';
import { PROTOCOL_VERSION } from '../extension/protocol';
import type { ModelInput } from './model/input';
import { COVERAGE_NOTES, parseSession, toSession, type SessionMeta } from './model/session';
import type { PanelAction, PanelState } from './store/reducer';

/** "Chrome/131.0.1" or "Firefox/128.0" from the user agent; the whole string clipped otherwise. */
const browserName = (): string => /(?:Chrome|Chromium|Firefox)\/[\d.]+/.exec(navigator.userAgent)?.[0] ?? navigator.userAgent.slice(0, 256);

/** Export and import of session files (the documented session format, panel/model/session.ts). */
export const useSessionFiles = ({ state, input, version, dispatch, onMessage }: { state: PanelState; input: ModelInput; version: string; dispatch: Dispatch<PanelAction>; onMessage: (m: string) => void }) => {
  const exportSession = () => {
    const meta: SessionMeta = {
      created: new Date().toISOString(),
      recorder: 'panel',
      url: state.frames.find((f) => f.frameId === 0)?.url ?? null,
      title: null,
      browser: browserName(),
      extensionVersion: version,
      protocolVersion: PROTOCOL_VERSION,
      stats: state.stats,
      coverage: [...COVERAGE_NOTES],
    };
    const blob = new Blob([JSON.stringify(toSession(input, meta))], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `postscope-${meta.created.replace(/[:.]/g, '-')}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
    onMessage(`Exported ${input.entries.length} records`);
  };
  const importSession = async (file: File) => {
    const parsed = parseSession(await file.text());
    if (!parsed.ok) {
      onMessage(`Import failed: ${parsed.error.slice(0, 300)}`);
      return;
    }
    dispatch({ type: 'import', name: file.name, input: parsed.input });
    onMessage(`Imported ${parsed.input.entries.length} records`);
  };
  return { exportSession, importSession };
};
