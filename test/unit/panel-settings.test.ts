import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings, loadSettings, saveSettings } from '../../panel/settings';

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
};

test('settings persist, except the transient scope', () => {
  const s = memory();
  saveSettings(s, { ...defaultSettings, filter: { text: 'target:*', invert: true, kinds: ['port'], groups: ['lost'], scope: { type: 'channel', id: 'p1' } }, groupRepeats: true, view: 'audits' });
  const back = loadSettings(s);
  assert.deepEqual(back.filter, { text: 'target:*', invert: true, kinds: ['port'], groups: ['lost'], scope: null });
  assert.equal(back.groupRepeats, true);
  assert.equal(back.view, 'audits');
});

test('stored settings are read defensively, field by field', () => {
  const s = memory();
  s.m.set('postscope.settings.v1', JSON.stringify({ filter: { text: 42, kinds: ['port', 'evil'], groups: 'x' }, sort: { column: '__proto__' }, view: 'nope', groupRepeats: 'yes' }));
  const back = loadSettings(s);
  assert.deepEqual(back.filter.kinds, ['port']);
  assert.equal(back.filter.text, '');
  assert.deepEqual(back.sort, defaultSettings.sort);
  assert.equal(back.view, 'timeline');
  assert.equal(back.groupRepeats, false);
  s.m.set('postscope.settings.v1', '{not json');
  assert.deepEqual(loadSettings(s), defaultSettings);
});
