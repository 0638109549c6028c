import type { PanelSettings } from '../settings';

/** Panel settings (persisted), shown under the toolbar like DevTools' per-panel settings pane. */
export function SettingsBar({ settings, onChange, onReset }: { settings: PanelSettings; onChange: (patch: Partial<PanelSettings>) => void; onReset: () => void }) {
  return (
    <div className="toolbar settings-bar" role="group" aria-label="Settings" data-testid="settings-bar">
      <label className="check">
        Time
        <select value={settings.time} onChange={(e) => onChange({ time: e.target.value === 'clock' ? 'clock' : 'relative' })}>
          <option value="relative">since the first record</option>
          <option value="clock">time of day</option>
        </select>
      </label>
      <label className="check"><input type="checkbox" checked={settings.groupRepeats} onChange={(e) => onChange({ groupRepeats: e.target.checked })} />Group repeated messages</label>
      <label className="check"><input type="checkbox" checked={settings.preserveLog} onChange={(e) => onChange({ preserveLog: e.target.checked })} />Preserve log on navigation</label>
      <button onClick={onReset}>Reset filters and settings</button>
    </div>
  );
}
