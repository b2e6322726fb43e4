import { Card, Tag, Typography } from 'antd';
import type { DraftEditor } from '../editor/useDraftEditor';
import type { PlanFormView } from '../queries';
import { type EditorIssue, districtTargetText } from './indicator-rows';
import { indicatorStrings as s } from './strings';

interface Props {
  indicators: PlanFormView['indicators'];
  editor: DraftEditor;
  readOnly: boolean;
  serverErrors: Record<string, string>;
  errors: EditorIssue[];
  warnings: EditorIssue[];
}

/**
 * The indicators of the school's level, one row each: baseline and target typed as text (a target may be a range),
 * the district's target beside them. A table on a laptop; each row a block of its own on a phone (app.css).
 * The figures are plain inputs styled like Ant Design's (app.css, .figure-input): a directive asks for up to some
 * 40 indicators, and 80 of Ant Design's inputs made the plan page's first render about a tenth slower (npm run bench:web).
 */
export function IndicatorTable({ indicators, editor, readOnly, serverErrors, errors, warnings }: Props) {
  const messagesOf = (code: string) => {
    const prefix = `indicators.${code}`;
    const fromServer = Object.entries(serverErrors)
      .filter(([field]) => field.startsWith(prefix))
      .map(([, message]) => message);
    const of = (list: EditorIssue[]) => list.filter((i) => i.field.startsWith(prefix)).map((i) => i.message);
    return { errors: [...fromServer, ...of(errors)], warnings: of(warnings) };
  };
  return (
    <Card title={<h2 className="card-title">{s.title}</h2>} size="small">
      <Typography.Paragraph type="secondary">{s.intro}</Typography.Paragraph>
      <table className="indicator-table">
        <thead>
          <tr>
            <th scope="col">{s.indicator}</th>
            <th scope="col">{s.unit}</th>
            <th scope="col">{s.baseline}</th>
            <th scope="col">{s.target}</th>
            <th scope="col">{s.districtTarget}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator) => {
            const row = editor.content.rows[indicator.code] ?? { baseline: '', target: '' };
            const found = messagesOf(indicator.code);
            const messages = [...found.errors, ...found.warnings];
            const describedBy = messages.length ? `ind-msg-${indicator.code}` : undefined;
            return (
              <tr key={indicator.code}>
                <th scope="row" className="indicator-name">
                  {indicator.label}
                  {indicator.required && (
                    <Tag className="required-tag" bordered={false}>
                      {s.required}
                    </Tag>
                  )}
                  {messages.length > 0 && (
                    <ul id={describedBy} className="indicator-messages">
                      {found.errors.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                      {found.warnings.map((m) => (
                        <li key={m} className="indicator-warning">
                          {m}
                        </li>
                      ))}
                    </ul>
                  )}
                </th>
                <td data-label={s.unit}>{indicator.unit}</td>
                <td data-label={s.baseline}>
                  <input
                    className="figure-input"
                    aria-label={s.baselineOf(indicator.label)}
                    value={row.baseline}
                    onChange={(e) => editor.setFigure(indicator.code, 'baseline', e.target.value)}
                    readOnly={readOnly}
                    inputMode="decimal"
                    aria-describedby={describedBy}
                  />
                </td>
                <td data-label={s.target}>
                  <input
                    className={`figure-input${found.errors.length ? ' has-error' : found.warnings.length ? ' has-warning' : ''}`}
                    aria-label={s.targetOf(indicator.label)}
                    value={row.target}
                    onChange={(e) => editor.setFigure(indicator.code, 'target', e.target.value)}
                    readOnly={readOnly}
                    aria-invalid={found.errors.length > 0}
                    aria-describedby={describedBy}
                  />
                </td>
                <td data-label={s.districtTarget}>{districtTargetText(indicator)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}
