export * from './meeting-access';
export * from './meeting-ics';
export * from './meeting-invitations';
export * from './meeting-minutes';
export * from './meeting-schemas';
export * from './meeting-store';
export * from './meeting-times';
export * from './meeting-review-due';
