import { useState } from 'react';

/** Page text, rendered as text, cut at `limit` characters with a button to see all of it (up to `hardLimit`). */
export function TruncatedText({ text, limit = 200, hardLimit = 100_000 }: { text: string; limit?: number; hardLimit?: number }) {
  const [open, setOpen] = useState(false);
  if (text.length <= limit) return <span className="text">{text}</span>;
  const shown = open ? text.slice(0, hardLimit) : text.slice(0, limit);
  return (
    <span className="text">
      {shown}
      {(!open || text.length > hardLimit) && '…'}
      <button className="link" onClick={() => setOpen(!open)}>{open ? 'show less' : `show all ${text.length} characters`}</button>
    </span>
  );
}
