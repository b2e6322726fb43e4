import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../common/format';
import { common } from '../common/strings';
import { PersonAddModal, positionOptions } from './people-add';
import { PersonStatusTag, positionText, schoolText } from './people-parts';
import { type PeopleFilters, type User, useInviteUser, useSchoolOptions, useUsers } from './queries-people';
import { OFFICE_POSITIONS, type PositionKey, SCHOOL_POSITIONS, peopleStrings as s } from './strings-people';
import './people-page.css';

const PAGE_SIZE = 50;

/** The filters a person would share, read from the address (and written back to it). */
function useAddressFilters(): [PeopleFilters, (change: Partial<Record<keyof PeopleFilters, string>>) => void] {
  const [params, setParams] = useSearchParams();
  const position = params.get('position');
  const active = params.get('active');
  const filters: PeopleFilters = {
    position: [...OFFICE_POSITIONS, ...SCHOOL_POSITIONS].includes(position as PositionKey)
      ? (position as PositionKey)
      : undefined,
    schoolId: params.get('schoolId') || undefined,
    active: active === 'true' || active === 'false' ? active : undefined,
    q: params.get('q')?.trim() || undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
  const change = (values: Partial<Record<keyof PeopleFilters, string>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(values)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        // Another filter starts again at the first page.
        if (!('page' in values)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  return [filters, change];
}

export default function PeoplePage() {
  const [filters, setFilter] = useAddressFilters();
  const users = useUsers(filters);
  const schools = useSchoolOptions();
  const invite = useInviteUser();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [search, setSearch] = useState(filters.q ?? '');

  useEffect(() => {
    document.title = `${s.title} - ${common.appName}`;
  }, []);

  const filtered = !!(filters.position || filters.schoolId || filters.active || filters.q);
  const inviting = invite.isPending ? invite.variables : undefined;

  return (
    <section aria-labelledby="people-title" className="people-page">
      <div className="people-head">
        <Typography.Title level={2} id="people-title">
          {s.title}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {s.add}
        </Button>
      </div>

      <form className="people-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <Input.Search
          aria-label={s.search}
          placeholder={s.search}
          allowClear
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            if (!e.target.value) setFilter({ q: '' });
          }}
          onSearch={(value) => setFilter({ q: value.trim() })}
          className="people-search"
        />
        <Select
          aria-label={s.position}
          className="people-select"
          value={filters.position ?? ''}
          onChange={(v: string) => setFilter({ position: v })}
          options={[{ value: '', label: s.allPositions }, ...positionOptions]}
        />
        <Select
          aria-label={s.school}
          className="people-select people-select-school"
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.schoolId ?? ''}
          loading={schools.isPending}
          onChange={(v: string) => setFilter({ schoolId: v })}
          options={[
            { value: '', label: s.allSchools },
            ...(schools.data ?? []).map((sc) => ({ value: sc.id, label: sc.name })),
          ]}
        />
        <Select
          aria-label={s.status}
          className="people-select"
          value={filters.active ?? ''}
          onChange={(v: string) => setFilter({ active: v })}
          options={[
            { value: '', label: s.allStatuses },
            { value: 'true', label: s.active },
            { value: 'false', label: s.inactive },
          ]}
        />
        {filtered && (
          <Button
            onClick={() => {
              setSearch('');
              setFilter({ position: '', schoolId: '', active: '', q: '' });
            }}
          >
            {s.clear}
          </Button>
        )}
      </form>

      {added && <Alert type="success" showIcon role="status" title={added} closable onClose={() => setAdded(null)} />}
      {invite.data && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={s.invited(invite.data.email, formatDateTime(invite.data.expiresAt))}
        />
      )}
      {invite.isError && <Alert type="error" showIcon role="alert" title={invite.error.message} />}
      {users.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={users.error.message}
          action={<Button onClick={() => void users.refetch()}>{common.retry}</Button>}
        />
      )}

      <Table<User>
        className="people-table"
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.items}
        scroll={{ x: 900 }}
        locale={{ emptyText: s.empty }}
        pagination={{
          current: filters.page,
          pageSize: PAGE_SIZE,
          total: users.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => s.total(n),
          onChange: (page) => setFilter({ page: page > 1 ? String(page) : '' }),
        }}
        columns={[
          {
            title: s.fullName,
            dataIndex: 'fullName',
            render: (_: string, u) => <Link to={`/district/people/${u.id}`}>{u.fullName}</Link>,
          },
          { title: s.email, dataIndex: 'email', className: 'people-email' },
          { title: s.position, key: 'position', render: (_: unknown, u) => positionText(u) },
          { title: s.school, key: 'school', render: (_: unknown, u) => schoolText(u) },
          { title: s.status, key: 'status', render: (_: unknown, u) => <PersonStatusTag user={u} /> },
          {
            title: s.actions,
            key: 'actions',
            render: (_: unknown, u) =>
              u.active && !u.erasedAt ? (
                <Button
                  size="small"
                  loading={inviting === u.id}
                  disabled={invite.isPending}
                  aria-label={`${s.invite}: ${u.fullName}`}
                  onClick={() => invite.mutate(u.id)}
                >
                  {s.invite}
                </Button>
              ) : null,
          },
        ]}
      />

      <PersonAddModal
        open={adding}
        schools={schools.data ?? []}
        onClose={() => setAdding(false)}
        onAdded={(text) => {
          setAdding(false);
          setAdded(text);
        }}
      />
    </section>
  );
}
