import { toDomainError as fromWorkflow } from '@duyet/domain';

/** Turns a refused or failed workflow Update on a plan into the domain error the HTTP caller sees. */
export const toDomainError = (err: unknown): unknown =>
  fromWorkflow(err, 'Kế hoạch này đã đóng hoặc chưa được mở, không thể thao tác.');
