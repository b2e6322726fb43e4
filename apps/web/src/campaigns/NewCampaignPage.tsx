import { CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Select, Steps, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/errors';
import { useMe } from '../auth/queries';
import { PageError } from '../common/PageError';
import { common } from '../common/strings';
import {
  type CampaignFormValues,
  DEFAULT_DIGEST,
  DEFAULT_RUNGS,
  STEP_FIELDS,
  formField,
  fromCampaign,
  toCampaignInput,
} from './campaign-form';
import { ReminderStep } from './issue/ReminderStep';
import { ContentStep, DeadlineStep, DocumentStep, PeriodStep, TargetStep } from './issue/Steps';
import { type Campaign, type IssueInput, useCampaigns, useCatalogue, useIssueCampaign } from './queries';
import { campaignStrings as s } from './strings';
import './campaigns.css';

const placedAll = (errors: { field: string }[]) => errors.length > 0 && errors.every((e) => formField(e.field));

/** Where the page was left when it sent the office to the new campaign: what the API pointed out. */
export interface IssuedState {
  warnings: string[];
}

/**
 * Issuing a campaign as the directive it is, step by step. Every step stays in the form (hidden when not shown),
 * so that "Sao chép từ năm trước" fills them all and the API's field errors land on any of them.
 */
export default function NewCampaignPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<CampaignFormValues>();
  const [step, setStep] = useState(0);
  const [copied, setCopied] = useState<Campaign | null>(null);
  const campaigns = useCampaigns();
  const catalogue = useCatalogue();
  const issue = useIssueCampaign();
  const [sourceId, setSourceId] = useState<string | undefined>();

  useEffect(() => {
    document.title = `${s.newTitle} - ${common.appName}`;
  }, []);

  // The catalogue's own required sections are where a new directive starts.
  useEffect(() => {
    if (catalogue.data && !form.isFieldTouched('requiredSections') && !copied) {
      form.setFieldValue(
        'requiredSections',
        catalogue.data.sections.filter((x) => x.required).map((x) => x.key),
      );
    }
  }, [catalogue.data, form, copied]);

  useEffect(() => {
    if (me.data && !form.getFieldValue('signer')) form.setFieldValue('signer', me.data.email);
  }, [me.data, form]);

  if (me.data && me.data.role !== 'ADMIN') return <PageError error={new ApiError(403, 'FORBIDDEN', '')} />;

  const source = campaigns.data?.find((c) => c.id === (sourceId ?? campaigns.data?.[0]?.id));

  const copy = () => {
    if (!source) return;
    form.resetFields();
    form.setFieldsValue(fromCampaign(source));
    setCopied(source);
    setStep(0);
  };

  const goTo = async (next: number) => {
    if (next > step) {
      try {
        await form.validateFields(STEP_FIELDS[step], { recursive: true });
      } catch {
        return;
      }
    }
    setStep(next);
  };

  const send = async () => {
    let values: CampaignFormValues;
    try {
      values = await form.validateFields({ recursive: true });
    } catch (err) {
      const first = (err as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      const at = first ? STEP_FIELDS.findIndex((f) => f.includes(String(first.name[0]))) : -1;
      if (at >= 0) setStep(at);
      return;
    }
    const body = toCampaignInput(values, copied?.id, copied?.reminderPolicy as Record<string, unknown> | undefined);
    // The form sets the submission ladder; the revision and review ladders left out keep the API's default.
    issue.mutate(body as IssueInput, {
      onSuccess: (campaign) => {
        const state: IssuedState = { warnings: campaign.warnings };
        void navigate(`/campaigns/${campaign.id}`, { state });
      },
      onError: (err) => {
        const placed = err.errors.map((e) => ({ e, at: formField(e.field) })).filter((x) => x.at);
        if (placed.length === 0) return;
        form.setFields(placed.map(({ e, at }) => ({ name: at!.name as never, errors: [e.message] })));
        setStep(Math.min(...placed.map((x) => x.at!.step)));
      },
    });
  };

  const panels = [
    <DocumentStep key="doc" />,
    <PeriodStep key="period" />,
    <TargetStep key="target" form={form} />,
    <ContentStep key="content" form={form} />,
    <DeadlineStep key="deadline" />,
    <ReminderStep key="reminders" form={form} />,
  ];
  const last = step === panels.length - 1;

  return (
    <>
      <Typography.Title level={1} className="page-title">
        {s.newTitle}
      </Typography.Title>
      <p className="page-intro">{s.newIntro}</p>
      <Card className="issue-card">
        <div className="copy-bar">
          <Form layout="vertical" component="div">
            <Form.Item label={s.copyFrom} htmlFor="copy-source">
              <Select
                id="copy-source"
                value={source?.id}
                onChange={setSourceId}
                loading={campaigns.isPending}
                disabled={!campaigns.data?.length}
                options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.documentNumber}: ${c.title}` }))}
              />
            </Form.Item>
          </Form>
          <Button icon={<CopyOutlined aria-hidden />} onClick={copy} disabled={!source}>
            {s.copyButton}
          </Button>
        </div>
        {copied && <Alert type="success" showIcon title={s.copied(copied.documentNumber)} className="copied-note" />}
        <Steps
          className="issue-steps"
          size="small"
          current={step}
          onChange={(n) => void goTo(n)}
          items={s.steps.map((title) => ({ title }))}
        />
        <Form<CampaignFormValues>
          form={form}
          layout="vertical"
          name="campaign"
          requiredMark={false}
          scrollToFirstError
          initialValues={{
            issuedOn: dayjs(),
            legalBases: [''],
            phases: [],
            targetLevels: [],
            targetClusters: [],
            requiredIndicators: [],
            deadlineTime: '17:00',
            paperCopies: 1,
            reviewMode: 'DESK',
            approvalLevels: 1,
            reviewDays: 5,
            revisionDays: 5,
            rungs: DEFAULT_RUNGS,
            digestOn: true,
            digestStart: DEFAULT_DIGEST.startAfter,
            digestEvery: DEFAULT_DIGEST.everyDays,
          }}
        >
          {panels.map((panel, i) => (
            <section key={i} hidden={i !== step} aria-labelledby={`step-title-${i}`}>
              <h2 id={`step-title-${i}`} className="issue-step-title">
                {i + 1}. {s.steps[i]}
              </h2>
              {panel}
            </section>
          ))}
        </Form>
        {issue.error && (
          <Alert
            type="error"
            role="alert"
            showIcon
            // Every refusal at its field already says it in the API's words; here, only where to look.
            title={placedAll(issue.error.errors) ? s.fixErrors : issue.error.message}
          />
        )}
        <div className="issue-nav">
          <Button onClick={() => void goTo(step - 1)} disabled={step === 0}>
            {s.back}
          </Button>
          <Link to="/campaigns">{s.cancel}</Link>
          {last ? (
            <Button type="primary" onClick={() => void send()} loading={issue.isPending}>
              {s.issue}
            </Button>
          ) : (
            <Button type="primary" onClick={() => void goTo(step + 1)}>
              {s.next}
            </Button>
          )}
        </div>
      </Card>
    </>
  );
}
