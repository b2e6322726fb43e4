import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import type { ReactNode } from 'react';
import { ApiError } from '../api/errors';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A refusal or a missing page will not change on retry; a network hiccup may.
      retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

const theme = {
  token: {
    // Ant Design's default blue is a shade too light for small text on white (WCAG AA); this one passes.
    colorPrimary: '#1456c8',
    colorLink: '#1456c8',
    // Ant Design lightens a link under the pointer (to about 3:1 on white): darker instead, so it stays readable.
    colorLinkHover: '#0d3f96',
    colorLinkActive: '#0a3278',
    colorInfo: '#1456c8',
    // A button under the pointer or pressed darkens instead of lightening, keeping white text at 4.5:1.
    colorPrimaryHover: '#0d3f96',
    colorPrimaryActive: '#0a3278',
    colorErrorHover: '#a51b18',
    colorErrorActive: '#861512',
    // Placeholders a person must read (a select's "Tất cả cấp học") at 4.5:1 too.
    colorTextPlaceholder: '#707070',
    // The same for the greys of secondary text and the reds of errors: axe asks 4.5:1 for body text.
    colorError: '#c5221f',
    colorSuccess: '#2b7a0b',
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
  },
};

export function Providers({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={viVN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
