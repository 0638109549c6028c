import { useCallback, useDeferredValue, useEffect, useReducer, useState } from 'react';
import type { Transport } from './transport/transport';
import type { DevtoolsHost, Theme } from './host';
import type { Row } from './model/describe';
import { initialState, reduce } from './store/reducer';
import { createModelInputSelector, createTimelineSelector } from './store/selectors';
import { createPortEndsSelector } from './store/port-ends';
import { emptyFilter, type TimelineFilter } from './store/filter';
import { defaultSettings, loadSettings, saveSettings, VIEWS, type PanelSettings, type ViewId } from './settings';
import { useBatchedTransport } from './use-batched-transport';
import { useSessionFiles } from './use-session-files';
import { useStaticScan } from './use-static-scan';
import { PROTOCOL_VERSION } from '../extension/protocol';
import { Toolbar } from './views/Toolbar';
import { SettingsBar } from './views/SettingsBar';
import { Tabs } from './views/common/Tabs';
import { Timeline } from './views/timeline/Timeline';
import { FramesView } from './views/FramesView';
import { ChannelsView } from './views/channels/ChannelsView';
import { NeuteredView } from './views/NeuteredView';
import { AuditsView } from './views/AuditsView';

const VIEW_LABELS: Record<ViewId, string> = { timeline: 'Timeline', channels: 'Channels', frames: 'Frames', neutered: 'Neutered objects', audits: 'Audits' };

interface Props {
  transport: Transport;
  tabId: number;
  host: DevtoolsHost;
  /** The extension's version, written into exported sessions. */
  version: string;
  /** Open the panel for this tab in its own window; null where that makes no sense. */
  openWindow: (() => void) | null;
}

export function App({ transport, tabId, host, version, openWindow }: Props) {
  const [state, dispatch] = useReducer(reduce, undefined, initialState);
  useBatchedTransport(transport, tabId, dispatch);
  useStaticScan(host.resources, state.navigations, dispatch);
  const [settings, setSettings] = useState<PanelSettings>(() => loadSettings(host.storage));
  useEffect(() => saveSettings(host.storage, settings), [host, settings]);
  useEffect(() => dispatch({ type: 'preserve-log', on: settings.preserveLog }), [settings.preserveLog]);
  const update = useCallback((patch: Partial<PanelSettings>) => setSettings((s) => ({ ...s, ...patch })), []);

  const [theme, setTheme] = useState<Theme>(host.theme);
  useEffect(() => host.onThemeChange?.(setTheme), [host]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const [selectTimeline] = useState(createTimelineSelector);
  const [selectAll] = useState(createTimelineSelector);
  const [selectInput] = useState(createModelInputSelector);
  const [selectPortEnds] = useState(createPortEndsSelector);
  // Typing stays responsive with 100,000 rows: React renders the filtered grid after the keystroke.
  const filter = useDeferredValue(settings.filter);
  const view = selectTimeline(state.list, state.frames, filter, settings.sort, settings.groupRepeats);
  const input = selectInput(state.list, state.frames, state.staticSites);
  const [selected, setSelected] = useState<Row | null>(null);
  const [message, setMessage] = useState('');
  const files = useSessionFiles({ state, input, version, dispatch, onMessage: setMessage });

  const setFilter = (f: TimelineFilter) => update({ filter: f });
  const scopeTo = (scope: TimelineFilter['scope']) => update({ filter: { ...emptyFilter, scope }, view: 'timeline' });
  const allRows = () => selectAll(state.list, state.frames, emptyFilter, settings.sort, false).rows;
  /** Reveals a record's row in the timeline (clearing the filter if it hides it), like DevTools' "Reveal in Network panel". */
  const showEntry = (key: string) => {
    const row = allRows().find((r) => r.id === key);
    if (!row) {
      setMessage(`Record ${key} is not a message row (see the Raw tab of its messages)`);
      return;
    }
    const visible = view.rows.some((r) => r.id === key);
    update(visible ? { view: 'timeline' } : { view: 'timeline', filter: emptyFilter, groupRepeats: false });
    setSelected(row);
  };
  const t0 = settings.time === 'clock' ? null : state.list.size ? state.list.chunks[0][0].rec.t : 0;
  const [showSettings, setShowSettings] = useState(false);
  const setDeep = async (on: boolean) => {
    if (on && host.requestDebugger && !(await host.requestDebugger())) {
      setMessage('Deep mode needs the debugger permission.');
      return;
    }
    transport.postMessage({ v: PROTOCOL_VERSION, type: 'deep', tabId, on });
  };
  return (
    <div className="app" data-testid="app">
      <Toolbar
        state={state}
        onRecord={(on) => dispatch({ type: 'record', on, at: Date.now() })}
        onClear={() => {
          dispatch({ type: 'clear', at: Date.now() });
          setSelected(null);
          if (state.imported === null) transport.postMessage({ v: PROTOCOL_VERSION, type: 'clear', tabId });
        }}
        onPreserveLog={(on) => update({ preserveLog: on })}
        onExport={files.exportSession}
        onImport={files.importSession}
        onLive={() => {
          dispatch({ type: 'live' });
          transport.postMessage({ v: PROTOCOL_VERSION, type: 'subscribe', tabId });
        }}
        onOpenWindow={openWindow}
        onSettings={() => setShowSettings(!showSettings)}
        onDeep={host.requestDebugger && state.imported === null ? (on) => void setDeep(on) : null}
        message={message}
      />
      {showSettings && <SettingsBar settings={settings} onChange={update} onReset={() => setSettings(defaultSettings)} />}
      <Tabs tabs={VIEWS.map((id) => ({ id, label: VIEW_LABELS[id] }))} current={settings.view} onChange={(v) => update({ view: v })} label="Views" />
      <main className="view">
        {settings.view === 'timeline' && (
          <Timeline view={view} input={input} t0={t0} ends={selectPortEnds(state.list, state.frames)} filter={settings.filter} onFilter={setFilter} sort={settings.sort} onSort={(sort) => update({ sort })}
            groupRepeats={settings.groupRepeats} onGroupRepeats={(groupRepeats) => update({ groupRepeats })} selected={selected} onSelect={setSelected} host={host} />
        )}
        {settings.view === 'frames' && (
          <FramesView input={input} rows={allRows()} onSelect={(frameId, label) => scopeTo({ type: 'frame', frameId, label })} />
        )}
        {settings.view === 'channels' && <ChannelsView input={input} onSelectPort={(id) => scopeTo({ type: 'channel', id })} />}
        {settings.view === 'neutered' && <NeuteredView input={input} onShowEntry={showEntry} />}
        {settings.view === 'audits' && <AuditsView input={input} host={host} onShowEntry={showEntry} />}
      </main>
    </div>
  );
}
