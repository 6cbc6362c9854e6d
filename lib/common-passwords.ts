// Passwords that top every breached-password list (lower-cased). Rejected whatever their length,
// because they are the first ones any attacker tries.
export const commonPasswords = new Set([
  '12345678', '123456789', '1234567890', '12345678910', '11111111', '00000000', '87654321', '88888888',
  '123123123', '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx', 'qwertyuiop', 'qwerty123', 'qwerty12345', 'asdfghjkl',
  'zxcvbnm123', 'password', 'password1', 'password12', 'password123', 'password!', 'passw0rd', 'p@ssw0rd',
  'p@ssword', 'pa$$word', 'iloveyou', 'iloveyou1', 'princess', 'sunshine', 'football', 'baseball',
  'basketball', 'superman', 'batman123', 'trustno1', 'whatever', 'starwars', 'computer', 'michelle',
  'jennifer', 'jordan23', 'liverpool', 'chelsea1', 'letmein1', 'letmein123', 'welcome1', 'welcome123',
  'welcome2024', 'welcome2025', 'welcome2026', 'admin123', 'admin1234', 'administrator', 'changeme',
  'changeme123', 'default1', 'monkey123', 'dragon123', 'master123', 'shadow123', 'abc12345', 'abcd1234',
  'abcdefgh', 'aa123456', 'a1234567', 'q1w2e3r4', 'q1w2e3r4t5', 'qazwsxedc', 'zaq12wsx', 'secret123',
  'summer2024', 'summer2025', 'summer2026', 'winter2024', 'winter2025', 'winter2026', 'spring2026',
  'autumn2026', 'roleboard', 'roleboard1', 'roleboard123', 'login123', 'test1234', 'testtest', 'guest123',
  'qwertyui', 'asdf1234', 'zxcvbnm1', 'loveyou1', 'lovely123', 'freedom1', 'hello123', 'hellohello',
  'mustang1', 'michael1', 'charlie1', 'pokemon1', 'samsung1', 'computer1', 'internet', 'access14',
  'soccer12', 'hockey12', 'google123', 'qwer1234', '123qweasd', '1qazxsw2', 'asdasdasd', '12qwaszx',
]);
