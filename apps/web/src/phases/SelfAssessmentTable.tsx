import { Card, Tag, Typography } from 'antd';
import { approvedTargetText } from '@shared/plan-content/self-assessment';
import type { DraftEditor } from '../plans/editor/useDraftEditor';
import type { EditorIssue } from '../plans/indicators/indicator-rows';
import type { PlanFormView } from '../plans/queries';
import { phaseStrings as s } from './strings';

interface Props {
  form: PlanFormView;
  editor: DraftEditor;
  readOnly: boolean;
  serverErrors: Record<string, string>;
  errors: EditorIssue[];
  warnings: EditorIssue[];
}

/**
 * A self-assessment's indicators: the school's target from its approved plan, read-only, beside the result achieved
 * (typed by the school; read by the reviewer next to the target). The inputs are plain ones styled like Ant
 * Design's, as in the plan's own table (app.css, .figure-input).
 */
export function SelfAssessmentTable({ form, editor, readOnly, serverErrors, errors, warnings }: Props) {
  const messagesOf = (code: string) => {
    const prefix = `indicators.${code}`;
    const fromServer = Object.entries(serverErrors)
      .filter(([field]) => field.startsWith(prefix))
      .map(([, message]) => message);
    const of = (list: EditorIssue[]) => list.filter((i) => i.field.startsWith(prefix)).map((i) => i.message);
    return { errors: [...fromServer, ...of(errors)], warnings: of(warnings) };
  };
  return (
    <Card title={<h2 className="card-title">{s.resultsTitle}</h2>} size="small">
      {form.phase && (
        <Typography.Paragraph>
          {s.phaseOfParent(form.phase.name)} ({form.phase.parentDocumentNumber})
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">{s.resultsIntro}</Typography.Paragraph>
      <table className="indicator-table">
        <thead>
          <tr>
            <th scope="col">{s.indicator}</th>
            <th scope="col">{s.unit}</th>
            <th scope="col">{s.approvedTarget}</th>
            <th scope="col">{s.result}</th>
          </tr>
        </thead>
        <tbody>
          {form.indicators.map((indicator) => {
            const row = editor.content.rows[indicator.code];
            const found = messagesOf(indicator.code);
            const messages = [...found.errors, ...found.warnings];
            const describedBy = messages.length ? `result-msg-${indicator.code}` : undefined;
            return (
              <tr key={indicator.code}>
                <th scope="row" className="indicator-name">
                  {indicator.label}
                  {indicator.required && (
                    <Tag className="required-tag" bordered={false}>
                      {s.requiredTag}
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
                <td data-label={s.approvedTarget}>{approvedTargetText(indicator, indicator.approved)}</td>
                <td data-label={s.result}>
                  <input
                    className={`figure-input${found.errors.length ? ' has-error' : found.warnings.length ? ' has-warning' : ''}`}
                    aria-label={s.resultOf(indicator.label)}
                    value={row?.result ?? ''}
                    onChange={(e) => editor.setFigure(indicator.code, 'result', e.target.value)}
                    readOnly={readOnly}
                    inputMode="decimal"
                    aria-invalid={found.errors.length > 0}
                    aria-describedby={describedBy}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}
