import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { asApiError } from '../api/errors';
import { common } from './strings';

/** A page that could not be shown: refused (403), not found (404), or the API's own words for anything else. */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const err = asApiError(error);
  if (err.status === 403) {
    return (
      <Result
        status="403"
        title={<h1 className="result-title">{common.forbiddenTitle}</h1>}
        subTitle={common.forbiddenText}
        extra={<Link to="/">{common.backHome}</Link>}
      />
    );
  }
  if (err.status === 404) return <NotFound message={err.message} />;
  return (
    <Result
      status="error"
      title={<h1 className="result-title">{common.errorTitle}</h1>}
      subTitle={<span role="alert">{err.message}</span>}
      extra={[
        onRetry && (
          <Button key="retry" type="primary" onClick={onRetry}>
            {common.retry}
          </Button>
        ),
        <Link key="home" to="/">
          {common.backHome}
        </Link>,
      ]}
    />
  );
}

export function NotFound({ message }: { message?: string }) {
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{common.notFoundTitle}</h1>}
      subTitle={message ?? common.notFoundText}
      extra={<Link to="/">{common.backHome}</Link>}
    />
  );
}

export default function NotFoundPage() {
  return <NotFound />;
}
