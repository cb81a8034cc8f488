// The two halves of the Following page, alike for follows and mutes: the reader's rules, each
// with its undo button, and the form that adds one.
import { Button, Form, type View } from './render.js';

/** A follow or a mute as listed: what kind of thing, and which. */
interface Rule {
  kind: string;
  value: string;
}

export function RuleList({
  v,
  rules,
  name,
  undo,
  undoLabel,
}: {
  v: View;
  rules: Rule[];
  /** how a rule's value reads (a source's name, a #hashtag) */
  name: (rule: Rule) => string;
  /** the POST route that removes a rule */
  undo: string;
  undoLabel: string;
}) {
  return (
    <ul>
      {rules.map((r) => (
        <li>
          {r.kind}: {name(r)}{' '}
          <Button
            v={v}
            action={undo}
            label={undoLabel}
            fields={{ kind: r.kind, value: r.value, next: '/following' }}
          />
        </li>
      ))}
    </ul>
  );
}

export function AddRuleForm({
  v,
  action,
  kinds,
  kindLabel,
  valueLabel,
  submitLabel,
}: {
  v: View;
  /** the POST route that adds a rule */
  action: string;
  kinds: readonly string[];
  kindLabel: string;
  valueLabel: string;
  submitLabel: string;
}) {
  return (
    <Form v={v} action={action}>
      <select name="kind" aria-label={kindLabel}>
        {kinds.map((k) => (
          <option value={k}>{k}</option>
        ))}
      </select>
      <input name="value" aria-label={valueLabel} required />
      <input type="hidden" name="next" value="/following" />
      <button type="submit">{submitLabel}</button>
    </Form>
  );
}
