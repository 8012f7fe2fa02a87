import type { PaymentType, Usage, UserClass } from '../../core/terms/vocabulary';

/** The RSL tokens as the form names them. */
export const USE_LABELS: Record<Usage, string> = {
  'ai-train': 'Train AI models',
  'ai-input': 'Use in AI answers (real time)',
  'ai-index': 'Index for AI search',
  search: 'Traditional search',
};

export const USER_LABELS: Record<UserClass, string> = {
  commercial: 'Commercial',
  'non-commercial': 'Non-commercial',
  education: 'Education',
  government: 'Government',
  personal: 'Personal',
};

export const PAYMENT_LABELS: Record<PaymentType, string> = {
  purchase: 'Paid per post',
  free: 'Free',
  attribution: 'Free with credit',
};
