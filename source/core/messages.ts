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
  | 'failover.promote'
  | 'rec.through'
  | 'rec.group'
  | 'rec.downNow'
  | 'rec.noVm'
  | 'rec.single'
  | 'rec.sibling'
  | 'rec.siblingAnyLb'
  | 'rec.newAccount'
  | 'rec.newAccountAnyLb'
  | 'rec.secondZone'
  | 'rec.anotherZone'
  | 'rec.standby'
  | 'rec.none'
  | 'rec.noneNeeded'
  | 'rec.gslbLeft'
  | 'rec.untilPromoted'
  | 'rec.capacity'
  | 'rec.capacityZero'
  | 'rec.router'
  | 'rec.account'
  | 'rec.lbOnRouter'
  | 'rec.lb'
  | 'rec.generic';

export interface CoreMessage {
  id: CoreMessageId;
  params: Record<string, string | number>;
  /** A message said inside this one, as its {fix}. */
  inner?: CoreMessage;
}

export const message = (id: CoreMessageId, params: CoreMessage['params'] = {}): CoreMessage => ({
  id,
  params,
});
