// The popup's entry is tiny: it starts reading storage, then loads the UI, so the two overlap.
import './early-load';

void import('./mount');
