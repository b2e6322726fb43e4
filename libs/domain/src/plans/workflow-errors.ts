import { toDomainError as fromWorkflow } from '../common/failures';

/** Turns a refused or failed workflow Update on a plan into the domain error the HTTP caller sees. */
export const planWorkflowError = (err: unknown): unknown =>
  fromWorkflow(err, 'Kế hoạch này đã đóng hoặc chưa được mở, không thể thao tác.');
