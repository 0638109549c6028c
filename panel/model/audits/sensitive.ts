import type { Preview } from '../../../extension/protocol';

// Does a message payload look like it carries a secret? Keys named like credentials, JWTs, email
// addresses and long token-like strings. A hint for reviewers, not proof: say what matched.

const KEY = /token|secret|passw|auth|session|api[-_]?key|credential|cookie|bearer/i;
const JWT = /^eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*$/;
const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,255}\.[a-z]{2,}$/i;

const tokenLike = (s: string): boolean => s.length >= 24 && /^[A-Za-z0-9_\-+/=.]+$/.test(s) && /\d/.test(s) && /[A-Za-z]/.test(s);

const stringReason = (s: string): string | null =>
  JWT.test(s) ? 'a JWT' : EMAIL.test(s) ? 'an email address' : tokenLike(s) ? 'a token-like string' : null;

/** What looks sensitive in a preview (at most a few reasons). */
export const sensitiveInPreview = (p: Preview, path = 'data', out: string[] = []): string[] => {
  if (out.length >= 3) return out;
  switch (p.t) {
    case 'string': {
      const r = stringReason(p.v);
      if (r) out.push(`${path} is ${r}`);
      break;
    }
    case 'object':
      for (const [k, v] of p.entries) {
        if (KEY.test(k) && v.t !== 'undefined' && v.t !== 'null') out.push(`${path}.${k} is named like a credential`);
        else sensitiveInPreview(v, `${path}.${k}`, out);
      }
      break;
    case 'array': case 'set':
      p.items.forEach((v, i) => sensitiveInPreview(v, `${path}[${i}]`, out));
      break;
    case 'map':
      for (const [k, v] of p.entries) sensitiveInPreview(v, `${path}.get(${k.t === 'string' ? k.v : '…'})`, out);
      break;
  }
  return out;
};

/** The same, for a call's source text (static analysis): credential-like names in the message argument. */
export const sensitiveInText = (text: string): string[] => {
  const m = /postMessage\s*\(([\s\S]*)$/.exec(text);
  const arg = m ? m[1] : text;
  const names = [...new Set((arg.match(/[\w$]+/g) ?? []).filter((w) => KEY.test(w)))];
  return names.slice(0, 3).map((n) => `the message mentions ${n}`);
};
