import { useRef } from 'react';
import type { PanelState } from '../store/reducer';

// The Network panel's top strip: record, clear, preserve log, import/export, and the counters that
// say what the panel is not showing.

interface Props {
  state: PanelState;
  onRecord: (on: boolean) => void;
  onClear: () => void;
  onPreserveLog: (on: boolean) => void;
  onExport: () => void;
  onImport: (file: File) => void;
  onLive: () => void;
  onOpenWindow: (() => void) | null;
  onSettings: () => void;
  /** Turns deep mode (chrome.debugger) on or off; null where it is not available. */
  onDeep: ((on: boolean) => void) | null;
  message: string;
}

export function Toolbar({ state, onRecord, onClear, onPreserveLog, onExport, onImport, onLive, onOpenWindow, onSettings, onDeep, message }: Props) {
  const file = useRef<HTMLInputElement>(null);
  const limits = state.stats.malformed + state.stats.evicted;
  return (
    <div className="toolbar" role="toolbar" aria-label="Postscope">
      <button className={`icon record${state.recording ? ' on' : ''}`} aria-pressed={state.recording} onClick={() => onRecord(!state.recording)}
        title={state.recording ? 'Stop recording' : 'Record'} data-testid="record">●</button>
      <button className="icon" onClick={onClear} title="Clear" aria-label="Clear" data-testid="clear">⊘</button>
      <span className="divider" />
      <label className="check"><input type="checkbox" checked={state.preserveLog} onChange={(e) => onPreserveLog(e.target.checked)} />Preserve log</label>
      {onDeep && (
        <label className="check" title="Attach the debugger to this tab to record window messages the browser drops for a targetOrigin mismatch (same-process recipients only), with their call site">
          <input type="checkbox" checked={state.deep.on} onChange={(e) => onDeep(e.target.checked)} data-testid="deep" />Deep mode
        </label>
      )}
      {state.deep.error && <span className="warn" data-testid="deep-error">{state.deep.error}</span>}
      <span className="divider" />
      <button onClick={onExport} title="Export the session as a file" data-testid="export">Export</button>
      <button onClick={() => file.current?.click()} title="Open a session file" data-testid="import">Import</button>
      <input ref={file} type="file" accept=".json,application/json" hidden data-testid="import-file" onChange={(e) => {
        const f = e.target.files?.[0];
        e.target.value = '';
        if (f) onImport(f);
      }} />
      {onOpenWindow && <button onClick={onOpenWindow} title="Open this panel in its own window">Open in window</button>}
      <span className="divider" />
      <span data-testid="count">{state.list.size} records</span>
      {limits > 0 && <span className="warn" data-testid="dropped" title={`${state.stats.malformed} malformed or over size limits, ${state.stats.evicted} evicted from the tab history while DevTools was closed`}>{limits} dropped by limits</span>}
      {state.droppedByPanel > 0 && <span className="warn" data-testid="dropped-panel" title="The panel keeps the newest records only">{state.droppedByPanel} oldest not kept</span>}
      {!state.recording && <span className="warn">paused</span>}
      {state.imported !== null && (
        <span className="imported" data-testid="imported">
          Showing <TruncatedName name={state.imported} /> <button onClick={onLive}>Back to live</button>
        </span>
      )}
      <span className="status" role="status">{message}</span>
      <button className="icon settings" onClick={onSettings} title="Settings" aria-label="Settings" data-testid="settings">⚙</button>
    </div>
  );
}

const TruncatedName = ({ name }: { name: string }) => <b title={name}>{name.length > 60 ? name.slice(0, 60) + '…' : name}</b>;
