// Content-script entry for this site: the driver does the work, the adapter knows the site.
import { startDriver } from '../../driver';
import { xAdapter } from './adapter';

startDriver(xAdapter);
