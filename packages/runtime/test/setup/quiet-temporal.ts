import { DefaultLogger, Runtime } from '@temporalio/worker';

// In-process workers log every state change at INFO; tests only want to hear about problems.
Runtime.install({ logger: new DefaultLogger('WARN') });
