import type {Countdown} from '../../core/countdown.js';
import type {Model} from '../../core/model.js';
import type {Theme} from '../theme.js';

/** What the impact panel's text is made from, beside its subject. */
export interface ImpactInputs {
  model: Model;
  theme: Theme;
  width: number;
  height: number;
  countdown: readonly Countdown[];
}
