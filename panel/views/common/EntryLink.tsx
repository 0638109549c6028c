/** A link to a record: reveals its row in the timeline. */
export function EntryLink({ entry, onShow, label }: { entry: string; onShow: (key: string) => void; label?: string }) {
  return <button className="link entry-link" data-entry={entry} onClick={() => onShow(entry)} title="Show in the timeline">{label ?? entry}</button>;
}
