import { useState } from 'react';
import type { Preview } from '../../../extension/protocol';
import { previewText } from '../../model/preview-text';
import { TruncatedText } from '../common/TruncatedText';

// An expandable tree of a message's data preview, like the console's object view: type-accurate,
// text only, with what the hook did not record said plainly.

type Child = { label: string; value: Preview };

const childrenOf = (p: Preview): Child[] => {
  switch (p.t) {
    case 'object': return p.entries.map(([k, v]) => ({ label: k, value: v }));
    case 'array': return p.items.map((v, i) => ({ label: String(i), value: v }));
    case 'set': return p.items.map((v, i) => ({ label: String(i), value: v }));
    case 'map': return p.entries.flatMap(([k, v], i) => [{ label: `${i} key`, value: k }, { label: `${i} value`, value: v }]);
    case 'typedarray': return p.items.map((v, i) => ({ label: String(i), value: { t: 'number', v } as Preview }));
    default: return [];
  }
};

const more = (p: Preview): number => ('more' in p ? p.more : p.t === 'typedarray' ? p.len - p.items.length : 0);

function Leaf({ value }: { value: Preview }) {
  switch (value.t) {
    case 'string':
      return (
        <span className="v-string">
          "<TruncatedText text={value.v} />"
          {value.len > value.v.length && <span className="note"> ({value.len} characters; first {value.v.length} recorded)</span>}
        </span>
      );
    case 'number': case 'bigint': return <span className="v-number">{previewText(value)}</span>;
    case 'boolean': case 'null': case 'undefined': return <span className="v-keyword">{previewText(value)}</span>;
    case 'accessor': return <span className="note">(getter: not run by Postscope)</span>;
    case 'cut': return <span className="note">(not recorded: size limit)</span>;
    case 'ref': return <span className="note">(circular or repeated reference)</span>;
    default: return <span className="v-other"><TruncatedText text={previewText(value)} /></span>;
  }
}

function Node({ label, value, depth }: { label: string; value: Preview; depth: number }) {
  const kids = childrenOf(value);
  const [open, setOpen] = useState(depth < 1);
  const expandable = kids.length > 0;
  return (
    <li role="treeitem" aria-expanded={expandable ? open : undefined}>
      <div className="tree-line">
        {expandable ? <button className="twisty" aria-label={open ? 'collapse' : 'expand'} onClick={() => setOpen(!open)}>{open ? '▾' : '▸'}</button> : <span className="twisty" />}
        <span className="key"><TruncatedText text={label} limit={80} /></span>
        <span className="colon">: </span>
        {expandable ? <span className="summary"><TruncatedText text={previewText(value)} limit={120} /></span> : <Leaf value={value} />}
      </div>
      {expandable && open && (
        <ul role="group">
          {kids.map((c, i) => <Node key={i} label={c.label} value={c.value} depth={depth + 1} />)}
          {more(value) > 0 && <li className="note">… {more(value)} more not recorded</li>}
        </ul>
      )}
    </li>
  );
}

export function DataTree({ data }: { data: Preview | null }) {
  if (!data) return <p className="note">unknown: the data was not observed for this record.</p>;
  return (
    <ul className="tree" role="tree" data-testid="data-tree">
      <Node label="data" value={data} depth={0} />
    </ul>
  );
}
