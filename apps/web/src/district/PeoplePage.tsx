import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { common } from '../common/strings';
import { PersonAddModal, positionOptions } from './people-add';
import { InvitationSent, PersonStatusTag, ReadError, schoolText } from './people-parts';
import { positionText } from './people-filters';
import {
  type FilterChange,
  PEOPLE_PAGE_SIZE,
  type PeopleFilters,
  parsePeopleFilters,
  withFilters,
} from './people-filters';
import { type User, useInviteUser, useSchoolOptions, useUsers } from './queries-people';
import { peopleStrings as s } from './strings-people';
import './people-page.css';

/** The filters a person would share, read from the address (and written back to it). */
function useAddressFilters(): [PeopleFilters, (change: FilterChange) => void] {
  const [params, setParams] = useSearchParams();
  return [parsePeopleFilters(params), (change) => setParams((prev) => withFilters(prev, change), { replace: true })];
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
      {invite.data && <InvitationSent sent={invite.data} />}
      {invite.isError && <Alert type="error" showIcon role="alert" title={invite.error.message} />}
      {users.isError && <ReadError error={users.error} onRetry={() => void users.refetch()} />}

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
          pageSize: PEOPLE_PAGE_SIZE,
          total: users.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => s.total(n),
          onChange: (page) => setFilter({ page: String(page) }),
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
