import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sensitiveInPreview, sensitiveInText } from '../../panel/model/audits/sensitive';
import type { Preview } from '../../extension/protocol';

const s = (v: string): Preview => ({ t: 'string', v, len: v.length });
const o = (entries: [string, Preview][]): Preview => ({ t: 'object', cls: 'Object', entries, more: 0 });

test('sensitiveInPreview: credential-like keys, JWTs, emails and token-like strings, with their path', () => {
  assert.deepEqual(sensitiveInPreview(o([['authToken', s('x')], ['user', o([['mail', s('ann@example.com')]])]])), ['data.authToken is named like a credential', 'data.user.mail is an email address']);
  assert.deepEqual(sensitiveInPreview(s('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig')), ['data is a JWT']);
  assert.deepEqual(sensitiveInPreview({ t: 'array', len: 1, items: [s('a8f9c2d1e0b7a6c5d4e3f2a1b0c9d8e7')], more: 0 }), ['data[0] is a token-like string']);
});

test('sensitiveInPreview: ordinary payloads are not flagged; empty credential keys are not either', () => {
  assert.deepEqual(sensitiveInPreview(o([['type', s('resize')], ['height', { t: 'number', v: '480' }], ['session', { t: 'null' }]])), []);
  assert.deepEqual(sensitiveInPreview(s('hello world, this is a longer sentence')), []);
});

test('sensitiveInText: names in the message argument of a static call site', () => {
  assert.deepEqual(sensitiveInText("parent.postMessage({ accessToken, user }, '*')"), ['the message mentions accessToken']);
  assert.deepEqual(sensitiveInText("parent.postMessage({ height: h }, '*')"), []);
});
