import { Alert, Button, Checkbox, Typography } from 'antd';
import { PersonCard } from './people-parts';
import { useEffect, useState } from 'react';
import { type User, useClusterOptions, useReplaceReviewScope } from './queries-people';
import { LEVELS, LEVEL_LABEL, type LevelKey, personStrings as s } from './strings-people';

/** The levels (deputy heads) and clusters (specialists) a reviewer covers, replaced as a whole. */
export function PersonScope({ user }: { user: User }) {
  const clusters = useClusterOptions();
  const replace = useReplaceReviewScope(user.id);
  const [levels, setLevels] = useState<LevelKey[]>(user.reviewScope.levels);
  const [codes, setCodes] = useState<string[]>(user.reviewScope.clusters.map((c) => c.code));

  useEffect(() => {
    setLevels(user.reviewScope.levels);
    setCodes(user.reviewScope.clusters.map((c) => c.code));
  }, [user.reviewScope]);

  return (
    <PersonCard title={s.scope}>
      <Typography.Paragraph type="secondary">{s.scopeHint}</Typography.Paragraph>
      {replace.isError && <Alert type="error" showIcon role="alert" title={replace.error.message} />}
      {replace.isSuccess && <Alert type="success" showIcon role="status" title={s.scopeSaved} />}
      <fieldset className="person-fieldset">
        <legend>{s.scopeLevels}</legend>
        <Checkbox.Group
          value={levels}
          onChange={(v) => setLevels(v)}
          options={LEVELS.map((l) => ({ value: l, label: LEVEL_LABEL[l] }))}
        />
      </fieldset>
      <fieldset className="person-fieldset">
        <legend>{s.scopeClusters}</legend>
        <Checkbox.Group
          value={codes}
          onChange={(v) => setCodes(v)}
          options={(clusters.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
        />
      </fieldset>
      <Button type="primary" loading={replace.isPending} onClick={() => replace.mutate({ levels, clusters: codes })}>
        {s.saveScope}
      </Button>
    </PersonCard>
  );
}
