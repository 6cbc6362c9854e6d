// The people the tests sign in as. scripts/test.ts creates them in the run's database; the tests
// take them through tests/support/users.ts.
export const testPassword = 'correct horse battery staple';

export const testUsers = {
  admin: { email: 'admin@roleboard.test', name: 'Ada Admin', role: 'admin', password: testPassword },
  editor: { email: 'editor@roleboard.test', name: 'Eddie Editor', role: 'editor', password: testPassword },
  secondEditor: { email: 'editor2@roleboard.test', name: 'Erin Editor', role: 'editor', password: testPassword },
  /** Only for the device-cookie test, whose strangers throttle this account. */
  deviceOwner: { email: 'owner@roleboard.test', name: 'Olive Owner', role: 'editor', password: testPassword },
} as const;
