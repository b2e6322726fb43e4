import { Alert, Card, Empty, Skeleton, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { homeFor } from '../app/nav';
import { useMe } from '../auth/queries';
import { formatDateTime } from '../common/format';
import { PageError } from '../common/PageError';
import { planStatusLabel, statusTagStyle } from '../common/status';
import { common } from '../common/strings';
import { canSubmitAs } from '../plans/permissions';
import { dueText, nextStep } from './next-step';
import { useMyPlans } from './queries';
import { homeStrings as s } from './strings';
import { wordsFor } from '../phases/strings';

export default function HomePage() {
  const me = useMe();
  // The office's people work from their own pages (a reviewer's queue, the board); a school's plans are home here.
  const home = me.data ? homeFor(me.data.role) : null;
  const plans = useMyPlans(home === '/');
  // A reminder's link names one campaign (/plans?campaignId=…): its plans only, with a way back to all of them.
  const [params] = useSearchParams();
  const campaignId = params.get('campaignId');
  const items = plans.data?.items.filter((p) => !campaignId || p.campaign.id === campaignId);

  useEffect(() => {
    document.title = `${s.title} - ${common.appName}`;
  }, []);

  const canSubmit = canSubmitAs(me.data?.role);
  if (home && home !== '/') return <Navigate to={home} replace />;
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {s.title}
      </Typography.Title>
      {(!me.data || plans.isPending) && <Skeleton active />}
      {plans.isError && <PageError error={plans.error} onRetry={() => void plans.refetch()} />}
      {campaignId && (
        <Alert
          type="info"
          showIcon
          title={s.oneCampaign}
          action={<Link to="/">{s.allCampaigns}</Link>}
          className="home-filter"
        />
      )}
      {items && items.length === 0 && <Empty description={s.empty} />}
      <ul className="plan-cards" aria-label={s.title} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items?.map((plan) => {
          const step = nextStep(plan, canSubmit);
          return (
            <li key={plan.id}>
              <Card className="plan-card" size="small">
                <h2 className="plan-card-title">
                  <Link to={`/plans/${plan.id}`}>
                    {plan.campaign.documentNumber}: {plan.campaign.title}
                  </Link>
                </h2>
                <div className="plan-card-meta">
                  {wordsFor(plan.campaign.kind).tag && <Tag color="blue">{wordsFor(plan.campaign.kind).tag}</Tag>}
                  <Tag style={statusTagStyle(plan.status)}>{planStatusLabel(plan.status)}</Tag>
                  {plan.due && (
                    <span>
                      {s.deadline}: {formatDateTime(plan.due.at)} ({dueText(plan.due)})
                    </span>
                  )}
                </div>
                <div className={step.late ? 'next-step next-step-late' : 'next-step'}>
                  {s.nextStep}: {step.text}
                </div>
              </Card>
            </li>
          );
        })}
      </ul>
    </>
  );
}
