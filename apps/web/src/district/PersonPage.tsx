import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../common/format';
import { common } from '../common/strings';
import { PersonStatusTag, ReadError, schoolText } from './people-parts';
import { positionText } from './people-filters';
import { PersonAccount } from './person-account';
import { PersonScope } from './person-scope';
import { PersonStanding } from './person-standing';
import { useUser } from './queries-people';
import { peopleStrings, personStrings as s } from './strings-people';
import './person-page.css';

/** One person of the district: their position and school, what they review, their account and personal data. */
export default function PersonPage() {
  const id = useParams().id ?? '';
  const user = useUser(id);
  const u = user.data;

  useEffect(() => {
    document.title = `${u?.fullName ?? peopleStrings.title} - ${common.appName}`;
  }, [u?.fullName]);

  return (
    <section aria-labelledby="person-title" className="person-page">
      <Link to="/district/people" className="person-back">
        <ArrowLeftOutlined aria-hidden /> {s.back}
      </Link>
      {user.isPending && <Skeleton active />}
      {user.isError && <ReadError error={user.error} onRetry={() => void user.refetch()} />}
      {u && (
        <>
          <div className="person-head">
            <Typography.Title level={2} id="person-title">
              {u.fullName}
            </Typography.Title>
            <PersonStatusTag user={u} />
          </div>
          {u.erasedAt && <Alert type="info" showIcon title={s.erasedAt(formatDateTime(u.erasedAt))} />}
          <Descriptions
            className="person-facts"
            size="small"
            column={{ xs: 1, sm: 1, md: 2 }}
            items={[
              { key: 'email', label: peopleStrings.email, children: <span className="person-email">{u.email}</span> },
              { key: 'position', label: peopleStrings.position, children: positionText(u) },
              { key: 'school', label: peopleStrings.school, children: schoolText(u) },
              { key: 'created', label: s.createdAt, children: formatDateTime(u.createdAt) },
            ]}
          />
          {!u.erasedAt && u.active && <PersonStanding user={u} />}
          {!u.erasedAt && u.role === 'REVIEWER' && <PersonScope user={u} />}
          <PersonAccount user={u} />
        </>
      )}
    </section>
  );
}
