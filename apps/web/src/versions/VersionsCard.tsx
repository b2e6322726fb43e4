import { Alert, Card, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../common/format';
import {
  type Side,
  type SideOption,
  defaultPair,
  figuresText,
  hasChanges,
  orderedPair,
  sectionRuns,
  sideOptions,
} from './diff-view';
import { type PlanDiff, usePlanDiff } from './queries';
import { versionStrings as s } from './strings';
import './versions.css';

interface Props {
  planId: string;
  versions: { number: number; submittedAt: string }[];
  /** the school can still change the draft: it can be compared with a version */
  withDraft: boolean;
  /** changes with every save of the draft: a diff against it is read again */
  draftStamp: string;
}

/** The submitted versions, and what changed between any two of them (or a version and the draft). */
export function VersionsCard({ planId, versions, withDraft, draftStamp }: Props) {
  const numbers = versions.map((v) => v.number);
  const initial = defaultPair(numbers, withDraft);
  // A new version (or the draft opening or closing) brings back the pair that matters then.
  const basis = `${numbers.join(',')}|${withDraft}`;
  const [picked, setPicked] = useState<{ basis: string; from?: Side; to?: Side }>({ basis, ...initial });
  const { from, to } = picked.basis === basis ? picked : { ...initial };
  const setFrom = (value: Side) => setPicked({ basis, from: value, to });
  const setTo = (value: Side) => setPicked({ basis, from, to: value });
  if (versions.length === 0) return null;
  const options = sideOptions(numbers, withDraft);
  const pair = from !== undefined && to !== undefined ? orderedPair(from, to) : null;
  return (
    <Card title={<h2 className="card-title">{s.title}</h2>} size="small" className="versions">
      <ol className="version-list" aria-label={s.list}>
        {[...versions]
          .sort((a, b) => a.number - b.number)
          .map((v) => (
            <li key={v.number}>
              <strong>{s.version(v.number)}</strong> {s.submittedAt(formatDateTime(v.submittedAt))}
            </li>
          ))}
      </ol>
      {options.length > 1 && (
        <>
          <div className="version-pickers">
            <SidePicker label={s.fromLabel} short={s.from} value={from} options={options} onChange={setFrom} />
            <SidePicker label={s.toLabel} short={s.to} value={to} options={options} onChange={setTo} />
          </div>
          {pair ? <DiffView planId={planId} pair={pair} draftStamp={draftStamp} /> : <p>{s.sameSide}</p>}
        </>
      )}
    </Card>
  );
}

/** A native select: light, and read out the same way by every screen reader and phone. */
function SidePicker(props: {
  label: string;
  short: string;
  value: Side | undefined;
  options: SideOption[];
  onChange: (value: Side) => void;
}) {
  return (
    <label className="version-picker">
      <span aria-hidden>{props.short}</span>
      <select
        aria-label={props.label}
        value={props.value === undefined ? '' : String(props.value)}
        onChange={(e) => props.onChange(e.target.value === 'draft' ? 'draft' : Number(e.target.value))}
      >
        {props.value === undefined && <option value="" />}
        {props.options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function DiffView({
  planId,
  pair,
  draftStamp,
}: {
  planId: string;
  pair: { from: number; to: Side };
  /** changes with every save of the draft: a diff against it is read again */
  draftStamp: string;
}) {
  const diff = usePlanDiff(planId, pair, draftStamp);
  if (diff.error) return <Alert type="error" role="alert" showIcon title={diff.error.message} />;
  if (!diff.data) return <Skeleton active aria-label={s.loading} />;
  const d = diff.data;
  const title = `${s.compare}: ${label(d.from.number)} → ${label(d.to.number)}`;
  return (
    <section className="diff" aria-label={title}>
      <h3 className="diff-title">{title}</h3>
      {!hasChanges(d) ? <p>{s.noChange}</p> : <Changes d={d} />}
    </section>
  );
}

const label = (n: number | 'draft') => (n === 'draft' ? s.draft : s.version(n));

function Changes({ d }: { d: PlanDiff }) {
  const sections = d.sections.filter((x) => x.change !== 'UNCHANGED');
  const indicators = d.indicators.filter((x) => x.change !== 'UNCHANGED');
  const attachments = d.attachments.filter((x) => x.change !== 'UNCHANGED');
  return (
    <>
      {sections.length > 0 && (
        <>
          <h4 className="diff-part">{s.sections}</h4>
          <Typography.Paragraph type="secondary" className="diff-legend">
            {s.legend}
          </Typography.Paragraph>
          {sections.map((x) => (
            <article key={x.key} className="diff-section" aria-label={x.title}>
              <h5>
                {x.title} <Tag bordered={false}>{s.change[x.change]}</Tag>
              </h5>
              <p className="diff-text">
                {sectionRuns(x).map((run, i) =>
                  run.change === 'ADDED' ? (
                    <ins key={i}>
                      <span className="visually-hidden">{s.insertedText}</span>
                      {run.text}
                    </ins>
                  ) : run.change === 'REMOVED' ? (
                    <del key={i}>
                      <span className="visually-hidden">{s.deletedText}</span>
                      {run.text}
                    </del>
                  ) : (
                    <span key={i}>{run.text}</span>
                  ),
                )}
              </p>
            </article>
          ))}
        </>
      )}
      {indicators.length > 0 && (
        <>
          <h4 className="diff-part">{s.indicators}</h4>
          <table className="diff-indicators">
            <thead>
              <tr>
                <th scope="col">{s.indicator}</th>
                <th scope="col">{s.before}</th>
                <th scope="col">{s.after}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((x) => (
                <tr key={x.code}>
                  <th scope="row">
                    {x.label} <Tag bordered={false}>{s.change[x.change]}</Tag>
                  </th>
                  <td data-label={s.before}>{figuresText(x.before)}</td>
                  <td data-label={s.after}>{figuresText(x.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {attachments.length > 0 && (
        <>
          <h4 className="diff-part">{s.attachments}</h4>
          <ul className="diff-attachments">
            {attachments.map((x) => (
              <li key={x.id}>
                {x.change === 'ADDED' ? s.added : s.removed}: {x.fileName}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
