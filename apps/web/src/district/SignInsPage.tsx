import { Button, DatePicker, Skeleton, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { formatDateTime } from '../common/format';
import { PageError } from '../common/PageError';
import { pickerLocale } from '../common/picker-locale';
import { common } from '../common/strings';
import { type SignIn, useSignIns } from './queries-district';
import { SearchBox, useFilterParams } from './schools-filters';
import { DistrictTable, FilterSelect, SectionHeading } from './schools-parts';
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
      <SectionHeading id="sign-ins-title" title={s.title} />
      <div className="district-filters">
        <SearchBox
          id="sign-ins-q"
          label={s.person}
          placeholder={s.personPlaceholder}
          value={q}
          onChange={(v) => params.set({ q: v })}
        />
        <FilterSelect
          id="sign-ins-result"
          label={s.result}
          value={result ?? ''}
          onChange={(v) => params.set({ result: v })}
          options={[
            { value: '', label: d.all },
            { value: 'ok', label: s.ok },
            { value: 'failed', label: s.failed },
          ]}
        />
        <FilterDay
          id="sign-ins-from"
          label={s.from}
          value={from}
          onChange={(v) => params.set({ from: v })}
          notAfter={to}
        />
        <FilterDay id="sign-ins-to" label={s.to} value={to} onChange={(v) => params.set({ to: v })} notBefore={from} />
        {filtered && (
          <Button onClick={() => params.set({ q: undefined, result: undefined, from: undefined, to: undefined })}>
            {s.clear}
          </Button>
        )}
      </div>
      {signIns.isError && <PageError error={signIns.error} onRetry={() => void signIns.refetch()} />}
      {signIns.isPending && <Skeleton active />}
      {signIns.data && (
        <DistrictTable
          label={s.list}
          empty={s.empty}
          columns={columns}
          dataSource={signIns.data.items}
          loading={signIns.isFetching && signIns.isPlaceholderData}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: signIns.data.total,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: (p) => params.set({ page: p > 1 ? String(p) : undefined }),
          }}
          footer={() => d.total(signIns.data.total)}
        />
      )}
    </section>
  );
}

interface DayProps {
  id: string;
  label: string;
  /** YYYY-MM-DD */
  value: string | undefined;
  onChange: (day: string | undefined) => void;
  notBefore?: string;
  notAfter?: string;
}

/** One end of the range of days, in the office's calendar; the other end bounds what it offers. */
function FilterDay({ id, label, value, onChange, notBefore, notAfter }: DayProps) {
  return (
    <div className="district-filter">
      <label htmlFor={id}>{label}</label>
      <DatePicker
        id={id}
        format="DD/MM/YYYY"
        locale={pickerLocale}
        placeholder={label}
        value={value ? dayjs(value) : null}
        disabledDate={(day) => {
          const text = day.format('YYYY-MM-DD');
          return Boolean((notBefore && text < notBefore) || (notAfter && text > notAfter));
        }}
        onChange={(v) => onChange(v ? v.format('YYYY-MM-DD') : undefined)}
      />
    </div>
  );
}
