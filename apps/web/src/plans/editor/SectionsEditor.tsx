import { Card, Form, Input, Tag } from 'antd';
import type { CampaignSection } from '@shared/plan-content/content';
import type { EditorIssue } from '../indicators/indicator-rows';
import { planStrings as s } from '../strings';
import type { DraftEditor } from './useDraftEditor';

interface Props {
  sections: CampaignSection[];
  editor: DraftEditor;
  readOnly: boolean;
  /** field errors of the last save the API refused, by field ("sections.purpose") */
  serverErrors: Record<string, string>;
  errors: EditorIssue[];
  /** the card's title for the campaign's kind ("Nội dung tự đánh giá"); a plan's by default */
  title?: string;
}

/** The campaign's required sections as text areas; each field's check message sits under it. */
export function SectionsEditor({ sections, editor, readOnly, serverErrors, errors, title = s.sections }: Props) {
  return (
    <Card title={<h2 className="card-title">{title}</h2>} size="small" className="section-editor">
      <Form layout="vertical" component="div">
        {sections.map((section) => {
          const field = `sections.${section.key}`;
          const message = serverErrors[field] ?? errors.find((e) => e.field === field)?.message;
          return (
            <Form.Item
              key={section.key}
              htmlFor={`section-${section.key}`}
              label={
                <span>
                  {section.title}
                  {section.required && (
                    <Tag className="required-tag" bordered={false}>
                      {s.requiredSection}
                    </Tag>
                  )}
                </span>
              }
              validateStatus={message ? 'error' : undefined}
              help={message}
            >
              <Input.TextArea
                id={`section-${section.key}`}
                value={editor.content.sections[section.key] ?? ''}
                onChange={(e) => editor.setSection(section.key, e.target.value)}
                autoSize={{ minRows: 3, maxRows: 16 }}
                readOnly={readOnly}
                aria-required={section.required}
              />
            </Form.Item>
          );
        })}
      </Form>
    </Card>
  );
}
