import { Alert } from 'antd';
import type { EditorIssue } from '../indicators/indicator-rows';
import { planStrings as s } from '../strings';

/** The checks' findings, live: errors block submission, warnings do not. */
export function IssuesPanel({ errors, warnings }: { errors: EditorIssue[]; warnings: EditorIssue[] }) {
  return (
    <>
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={<h2 className="card-title">{s.errorsTitle(errors.length)}</h2>}
          description={
            <ul className="issue-list" aria-label={s.errorsTitle(errors.length)}>
              {errors.map((e) => (
                <li key={`${e.field}:${e.code}`}>{e.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={<h2 className="card-title">{s.warningsTitle(warnings.length)}</h2>}
          description={
            <ul className="issue-list" aria-label={s.warningsTitle(warnings.length)}>
              {warnings.map((w) => (
                <li key={`${w.field}:${w.code}`}>{w.message}</li>
              ))}
            </ul>
          }
        />
      )}
    </>
  );
}
