import type {Announcement} from '../../core/announce.js';
import {statusWord, t} from '../../i18n/i18n.js';
import type {Lang} from '../../shared/types.js';

/** "KR-CA down (alertmanager: ZonePowerLoss) — shop-web DOWN, shop-db DOWN", in the screen's language. */
export function announcementText(lang: Lang, said: Announcement): string {
  const {lead} = said;
  const services = said.services
    .map((change) => `${change.service} ${statusWord(lang, change.after)}`)
    .join(', ');
  const more = said.more > 0 ? t(lang, 'announce.more', {n: said.more}) : '';
  const reason = lead.reason === undefined ? '' : ` (${lead.reason})`;
  return t(lang, `announce.${lead.state}`, {id: lead.id, reason, more, services});
}
