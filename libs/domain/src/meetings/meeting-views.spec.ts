import { type InvitationMail, invitationState } from './meeting-views';

const at = (minute: number) => new Date(Date.UTC(2017, 8, 1, 1, minute));
const mail = (template: string, minute: number, status: InvitationMail['status'] = 'SENT', to = 'a@x.example') => ({
  to,
  template,
  status,
  createdAt: at(minute),
});

describe('invitationState', () => {
  it('is null for an address the meeting never wrote to', () => {
    expect(invitationState([mail('MEETING_INVITATION', 0, 'SENT', 'b@x.example')], 'a@x.example')).toBeNull();
    expect(invitationState([], null)).toBeNull();
  });

  it('is sent after the first invitation, with the delivery of that message', () => {
    expect(invitationState([mail('MEETING_INVITATION', 0, 'QUEUED')], 'a@x.example')).toEqual({
      state: 'SENT',
      delivery: 'QUEUED',
      at: at(0),
    });
  });

  it('is updated once a second invitation or agenda went out, whatever order the rows come in', () => {
    const mails = [mail('MEETING_AGENDA', 5, 'FAILED'), mail('MEETING_AGENDA', 0)];
    expect(invitationState(mails, 'a@x.example')).toEqual({ state: 'UPDATED', delivery: 'FAILED', at: at(5) });
  });

  it('is cancelled when the last message was a cancellation, and sent again after a new invitation', () => {
    const cancelled = [mail('MEETING_INVITATION', 0), mail('MEETING_CANCELLED', 3)];
    expect(invitationState(cancelled, 'a@x.example')?.state).toBe('CANCELLED');
    expect(invitationState([...cancelled, mail('MEETING_INVITATION', 9)], 'a@x.example')?.state).toBe('UPDATED');
  });
});
