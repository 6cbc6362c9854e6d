// The people the tests sign in as. They are defined with the test runner that creates them
// (scripts/test-users.ts), so that scripts never depend on tests.
export { testPassword, testUsers } from '@/scripts/test-users';
