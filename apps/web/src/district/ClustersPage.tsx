import { App, Button, Form, Skeleton } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { PageError } from '../common/PageError';
import { common } from '../common/strings';
import { type Cluster, useClusters, useCreateCluster, useRemoveCluster, useRenameCluster } from './queries-district';
import { ConfirmDialog } from './schools-confirm-dialog';
import { CodeAndNameFields, DistrictTable, FormDialog, SectionHeading } from './schools-parts';
import { districtStrings as d, clusterStrings as s } from './strings-district';

type Dialog = { kind: 'add' } | { kind: 'rename' | 'remove'; cluster: Cluster } | null;

/** The district's clusters of schools: listed with their schools and reviewers, added, renamed, removed when empty. */
export default function ClustersPage() {
  const clusters = useClusters();
  const [dialog, setDialog] = useState<Dialog>(null);

  useEffect(() => {
    document.title = `${s.title} - ${common.appName}`;
  }, []);

  const columns: ColumnsType<Cluster> = [
    { title: s.code, dataIndex: 'code', key: 'code' },
    { title: s.name, dataIndex: 'name', key: 'name' },
    {
      title: s.schools,
      key: 'schools',
      align: 'right',
      // The schools tab, filtered to this cluster: the way to empty it before removing.
      render: (_, r) => <Link to={`/district/schools?cluster=${r.id}`}>{r.schools}</Link>,
    },
    { title: s.reviewers, dataIndex: 'reviewers', key: 'reviewers', align: 'right' },
    {
      title: d.actions,
      key: 'actions',
      render: (_, r) => (
        <div className="district-actions">
          <Button
            size="small"
            aria-label={s.renameOf(r.name)}
            onClick={() => setDialog({ kind: 'rename', cluster: r })}
          >
            {s.rename}
          </Button>
          <Button
            size="small"
            danger
            aria-label={s.removeOf(r.name)}
            onClick={() => setDialog({ kind: 'remove', cluster: r })}
          >
            {s.remove}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <section aria-labelledby="clusters-title">
      <SectionHeading
        id="clusters-title"
        title={s.title}
        add={{ label: s.add, onClick: () => setDialog({ kind: 'add' }) }}
      />
      {clusters.isError && <PageError error={clusters.error} onRetry={() => void clusters.refetch()} />}
      {clusters.isPending && <Skeleton active />}
      {clusters.data && (
        <DistrictTable
          label={s.list}
          empty={s.empty}
          columns={columns}
          dataSource={clusters.data.items}
          pagination={false}
        />
      )}
      {dialog?.kind === 'add' && <ClusterDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'rename' && <ClusterDialog cluster={dialog.cluster} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'remove' && <RemoveDialog cluster={dialog.cluster} onClose={() => setDialog(null)} />}
    </section>
  );
}

/** Add a cluster (its code, kept for good, and a name), or rename one. */
function ClusterDialog({ cluster, onClose }: { cluster?: Cluster; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const create = useCreateCluster();
  const rename = useRenameCluster();
  const mutation = cluster ? rename : create;

  const save = async () => {
    const v = await form.validateFields();
    const name = v.name.trim();
    const done = () => {
      void message.success(cluster ? s.renamed(name) : s.added(name));
      onClose();
    };
    if (cluster) rename.mutate({ id: cluster.id, name }, { onSuccess: done });
    else create.mutate({ code: v.code.trim(), name }, { onSuccess: done });
  };

  return (
    <FormDialog
      title={cluster ? s.renameTitle(cluster.code) : s.add}
      pending={mutation.isPending}
      error={mutation.error}
      onOk={() => void save()}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name={cluster ? 'cluster-rename' : 'cluster-add'}
        requiredMark={false}
        initialValues={cluster ? { name: cluster.name } : undefined}
      >
        <CodeAndNameFields adding={!cluster} words={s} />
      </Form>
    </FormDialog>
  );
}

/** Remove a cluster; the API refuses one that still has schools (or held a review meeting), in its own words. */
function RemoveDialog({ cluster, onClose }: { cluster: Cluster; onClose: () => void }) {
  const { message } = App.useApp();
  const remove = useRemoveCluster();
  return (
    <ConfirmDialog
      title={s.removeTitle(cluster.name)}
      okText={s.removeConfirm}
      pending={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(cluster.id, {
          onSuccess: () => {
            void message.success(s.removed(cluster.name));
            onClose();
          },
        })
      }
    >
      <p>{s.removeWhat(cluster.reviewers)}</p>
    </ConfirmDialog>
  );
}
