import { Button, DatePicker, Select, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { formatDateTime } from '../common/format';
import { PageError } from '../common/PageError';
import { pickerLocale } from '../common/picker-locale';
import { common } from '../common/strings';
import { type SignIn, useSignIns } from './queries-district';
import { SearchBox, useFilterParams } from './schools-filters';
import { districtStrings as d, signInStrings as s } from './strings-district';

const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Who signed in and who was refused (why, from which address), newest first, filtered and paged in the address. */
export default function SignInsPage() {
  const params = useFilterParams();
  const q = params.get('q') ?? '';
  const result = params.get('result');
  const from = DAY.test(params.get('from') ?? '') ? params.get('from') : undefined;
  const to = DAY.test(params.get('to') ?? '') ? params.get('to') : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const signIns = useSignIns({
    ...(q ? { q } : {}),
    ...(result === 'ok' || result === 'failed' ? { ok: result === 'ok' ? 'true' : 'false' } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    page,
    pageSize: PAGE_SIZE,
  });

  useEffect(() => {
    document.title = `${s.title} - ${common.appName}`;
  }, []);

  const columns: ColumnsType<SignIn> = [
    { title: s.at, key: 'at', render: (_, r) => formatDateTime(r.at) },
    {
      title: s.who,
      key: 'who',
      render: (_, r) => r.user?.fullName ?? <span className="district-muted">{s.unknownPerson}</span>,
    },
    { title: s.email, dataIndex: 'email', key: 'email' },
    { title: s.ip, dataIndex: 'ip', key: 'ip' },
    {
      title: s.result,
      key: 'result',
      render: (_, r) =>
        r.ok ? (
          <Tag className="district-tag district-tag-open">{s.ok}</Tag>
        ) : (
          <Tag className="district-tag district-tag-failed">{s.failed}</Tag>
        ),
    },
    { title: s.reason, key: 'reason', render: (_, r) => (r.reason ? (s.reasons[r.reason] ?? r.reason) : '') },
  ];

  const filtered = Boolean(q || result || from || to);
  return (
    <section aria-labelledby="sign-ins-title">
      <div className="district-heading">
        <Typography.Title level={2} id="sign-ins-title">
          {s.title}
        </Typography.Title>
      </div>
      <div className="district-filters">
        <SearchBox
          id="sign-ins-q"
          label={s.person}
          placeholder={s.personPlaceholder}
          value={q}
          onChange={(v) => params.set({ q: v })}
        />
        <div className="district-filter">
          <label htmlFor="sign-ins-result">{s.result}</label>
          <Select
            id="sign-ins-result"
            value={result ?? ''}
            onChange={(v) => params.set({ result: v })}
            options={[
              { value: '', label: d.all },
              { value: 'ok', label: s.ok },
              { value: 'failed', label: s.failed },
            ]}
          />
        </div>
        <div className="district-filter">
          <label htmlFor="sign-ins-from">{s.from}</label>
          <DatePicker
            id="sign-ins-from"
            format="DD/MM/YYYY"
            locale={pickerLocale}
            placeholder={s.from}
            value={from ? dayjs(from) : null}
            disabledDate={(day) => Boolean(to && day.format('YYYY-MM-DD') > to)}
            onChange={(v) => params.set({ from: v ? v.format('YYYY-MM-DD') : undefined })}
          />
        </div>
        <div className="district-filter">
          <label htmlFor="sign-ins-to">{s.to}</label>
          <DatePicker
            id="sign-ins-to"
            format="DD/MM/YYYY"
            locale={pickerLocale}
            placeholder={s.to}
            value={to ? dayjs(to) : null}
            disabledDate={(day) => Boolean(from && day.format('YYYY-MM-DD') < from)}
            onChange={(v) => params.set({ to: v ? v.format('YYYY-MM-DD') : undefined })}
          />
        </div>
        {filtered && (
          <Button onClick={() => params.set({ q: undefined, result: undefined, from: undefined, to: undefined })}>
            {s.clear}
          </Button>
        )}
      </div>
      {signIns.isError && <PageError error={signIns.error} onRetry={() => void signIns.refetch()} />}
      {signIns.isPending && <Skeleton active />}
      {signIns.data && (
        <Table
          className="district-table"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={signIns.data.items}
          loading={signIns.isFetching && signIns.isPlaceholderData}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: signIns.data.total,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: (p) => params.set({ page: p > 1 ? String(p) : undefined }),
          }}
          locale={{ emptyText: s.empty }}
          aria-label={s.list}
          footer={() => d.total(signIns.data.total)}
        />
      )}
    </section>
  );
}
