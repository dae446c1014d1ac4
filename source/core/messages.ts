/**
 * Messages the core hands to a screen or a command: an id and its parameters, so the text is
 * chosen in the reader's language where it is drawn. Every id here has an English and a Korean
 * text in the UI's catalogues.
 */
export type CoreMessageId =
  | 'failover.unknown'
  | 'failover.notKind'
  | 'failover.noStandby'
  | 'failover.noHealthy'
  | 'failover.alreadyBest'
  | 'failover.gslb'
  | 'failover.promote';

export interface CoreMessage {
  id: CoreMessageId;
  params: Record<string, string | number>;
}

export const message = (id: CoreMessageId, params: CoreMessage['params'] = {}): CoreMessage => ({
  id,
  params,
});
