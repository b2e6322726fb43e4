import { Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { type ReactNode, Suspense, lazy, useEffect, useMemo } from 'react';
import { useBlocker, useParams, useSearchParams } from 'react-router';
import { useMe } from '../auth/queries';
import { PageError } from '../common/PageError';
import { useAfterPaint } from '../common/useAfterPaint';
import { planStatusLabel, statusTagStyle } from '../common/status';
import { common } from '../common/strings';
import { PlanDocuments } from '../documents/PlanDocuments';
import { SaveStatus } from './editor/SaveStatus';
import { SectionsEditor } from './editor/SectionsEditor';
import { useDraftEditor } from './editor/useDraftEditor';
import { DirectiveHeader } from './header/DirectiveHeader';
import { IndicatorTable } from './indicators/IndicatorTable';
import { canEditDraft } from './permissions';
import { type DraftView, type Plan, type PlanFormView, useDraft, usePlan, usePlanForm } from './queries';
import { planStrings as s } from './strings';
import { fromQueue } from '../review/queue-params';
import { QueueNav } from './review/QueueNav';
import { IssuesPanel } from './submit/IssuesPanel';
import { SubmitBar } from './submit/SubmitBar';
import { SelfAssessmentTable } from '../phases/SelfAssessmentTable';
import { wordsFor } from '../phases/strings';

// The cards around the editor come a frame after it (useAfterPaint), and so does their code: the date picker and the
// rest are not downloaded nor run before the plan can be typed in.
const ExtensionCard = lazy(() => import('../extensions/ExtensionCard').then((m) => ({ default: m.ExtensionCard })));
const PlanComments = lazy(() => import('../comments/PlanComments').then((m) => ({ default: m.PlanComments })));
const AttachmentsCard = lazy(() =>
  import('../attachments/AttachmentsCard').then((m) => ({ default: m.AttachmentsCard })),
);
const VersionsCard = lazy(() => import('../versions/VersionsCard').then((m) => ({ default: m.VersionsCard })));
const PaperCopiesCard = lazy(() =>
  import('../paper-copies/PaperCopiesCard').then((m) => ({ default: m.PaperCopiesCard })),
);
const TimelineCard = lazy(() => import('../timeline/TimelineCard').then((m) => ({ default: m.TimelineCard })));
// The office's side: what changed since the reviewer last saw the plan, and the decision.
const ChangesSince = lazy(() => import('./review/ChangesSince').then((m) => ({ default: m.ChangesSince })));
const ReviewPanel = lazy(() => import('./review/ReviewPanel').then((m) => ({ default: m.ReviewPanel })));

const OFFICE = ['REVIEWER', 'ADMIN'];

export default function PlanPage() {
  const { id = '' } = useParams();
  const plan = usePlan(id);
  const form = usePlanForm(id);
  const draft = useDraft(id);

  // Opened from the reviewer's queue: its previous and next plan, kept across plans (the same element each time).
  const [params] = useSearchParams();
  const nav = fromQueue(params) ? <QueueNav planId={id} /> : null;

  const failed = plan.error ?? form.error ?? draft.error;
  if (failed)
    return (
      <>
        {nav}
        <PageError error={failed} onRetry={() => void Promise.all([plan.refetch(), form.refetch(), draft.refetch()])} />
      </>
    );
  if (!plan.data || !form.data || !draft.data)
    return (
      <>
        {nav}
        <Skeleton active aria-label={s.loading} />
      </>
    );
  return (
    <>
      {nav}
      <PlanEditor key={id} plan={plan.data} form={form.data} draft={draft.data} />
    </>
  );
}

function PlanEditor({ plan, form, draft }: { plan: Plan; form: PlanFormView; draft: DraftView }) {
  const me = useMe();
  const role = me.data?.role ?? '';
  const editable = canEditDraft(role, plan.status);
  const office = OFFICE.includes(role);
  const editor = useDraftEditor(plan.id, draft, form, editable);
  const aroundEditor = useAfterPaint();
  const words = wordsFor(form.kind);

  useEffect(() => {
    document.title = `${plan.campaign.documentNumber} - ${plan.school.name} - ${common.appName}`;
  }, [plan]);

  // Leaving for another page of the app with changes not yet saved: ask first.
  const blocker = useBlocker(editor.unsaved);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    Modal.confirm({
      title: s.leaveTitle,
      content: s.leaveText,
      okText: s.leave,
      cancelText: s.stay,
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker]);

  const serverErrors = useMemo(() => {
    const save = editor.save;
    if (save.kind !== 'error') return {};
    return Object.fromEntries(save.error.errors.map((e) => [e.field, e.message]));
  }, [editor.save]);

  // Every save adds to the trail and changes the draft a version is compared with.
  const savedAt = editor.save.kind === 'saved' ? editor.save.at : '';

  return (
    <div className="plan-layout">
      <header>
        <Typography.Title level={1} className="page-title">
          {plan.campaign.title}
        </Typography.Title>
        <Space wrap>
          {words.tag && <Tag color="blue">{words.tag}</Tag>}
          <span>{plan.school.name}</span>
          <span>
            {s.status}: <Tag style={statusTagStyle(plan.status)}>{planStatusLabel(plan.status)}</Tag>
          </span>
          {editable && !editor.unsavedProblem && <SaveStatus editor={editor} />}
        </Space>
      </header>
      <DirectiveHeader form={form} />
      <PlanDocuments planId={plan.id} status={plan.status} />
      {office && (
        <Later shown={aroundEditor}>
          <ChangesSince plan={plan} />
        </Later>
      )}
      <Later shown={aroundEditor}>
        <ExtensionCard
          planId={plan.id}
          role={role}
          status={plan.status}
          deadline={plan.deadlines.revision ?? plan.deadlines.submission}
        />
      </Later>
      {!editable && <Typography.Paragraph type="secondary">{s.readOnly}</Typography.Paragraph>}
      {editable && editor.unsavedProblem && <SaveStatus editor={editor} />}
      <SectionsEditor
        sections={form.sections}
        editor={editor}
        readOnly={!editable}
        serverErrors={serverErrors}
        errors={editor.checks.errors}
        title={words.sections}
      />
      <Later shown={aroundEditor}>
        <PlanComments
          planId={plan.id}
          versionNo={plan.currentVersionNo}
          role={role}
          status={plan.status}
          sections={form.sections}
          indicators={form.indicators}
        />
      </Later>
      {form.kind === 'SELF_ASSESSMENT' ? (
        <SelfAssessmentTable
          form={form}
          editor={editor}
          readOnly={!editable}
          serverErrors={serverErrors}
          errors={editor.checks.errors}
          warnings={editor.checks.warnings}
        />
      ) : (
        // A report shows only its sections, and the indicators its campaign lists (all optional), if any.
        (form.kind !== 'REPORT' || form.indicators.length > 0) && (
          <IndicatorTable
            indicators={form.indicators}
            editor={editor}
            readOnly={!editable}
            serverErrors={serverErrors}
            errors={editor.checks.errors}
            warnings={editor.checks.warnings}
          />
        )
      )}
      <Later shown={aroundEditor}>
        <AttachmentsCard planId={plan.id} editable={editable} />
      </Later>
      {editable && <IssuesPanel errors={editor.checks.errors} warnings={editor.checks.warnings} />}
      <SubmitBar
        planId={plan.id}
        role={role}
        status={plan.status}
        editor={editor}
        hasVersions={plan.versions.length > 0}
        words={words}
      />
      {office && (
        <Later shown={aroundEditor}>
          <ReviewPanel plan={plan} />
        </Later>
      )}
      {plan.versions.length > 0 && (
        <Later shown={aroundEditor}>
          <PaperCopiesCard planId={plan.id} role={role} />
        </Later>
      )}
      <Later shown={aroundEditor}>
        <VersionsCard planId={plan.id} versions={plan.versions} withDraft={editable} draftStamp={savedAt} />
        <TimelineCard planId={plan.id} stamp={`${plan.status}:${plan.currentVersionNo}:${savedAt}`} />
      </Later>
    </div>
  );
}

/** A card shown once the editor has painted, its code loaded then; nothing in its place meanwhile. */
function Later({ shown, children }: { shown: boolean; children: ReactNode }) {
  return shown ? <Suspense fallback={null}>{children}</Suspense> : null;
}
