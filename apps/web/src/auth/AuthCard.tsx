import { Card, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { common } from '../common/strings';

/**
 * The frame of the pages used signed out (sign in, forgot password, set a password): the app's name, the page's
 * title (also the document's), and what the page asks.
 */
export function AuthCard({ title, tagline, children }: { title: string; tagline?: boolean; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} - ${common.appName}`;
  }, [title]);
  return (
    <main className="login-page">
      <Card className="login-card">
        <Typography.Title level={1} className="login-brand">
          {common.appName}
        </Typography.Title>
        {tagline && <Typography.Paragraph type="secondary">{common.appTagline}</Typography.Paragraph>}
        <Typography.Title level={2} className="login-title">
          {title}
        </Typography.Title>
        {children}
      </Card>
    </main>
  );
}
