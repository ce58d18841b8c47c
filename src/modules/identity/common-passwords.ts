/**
 * Passwords that guessing attacks try first. Only those of 10 or more characters matter here
 * (shorter ones fail the length rule), so the list holds the long ones seen again and again in
 * published breach statistics, and `BASE_WORDS` the short favourites that people lengthen with
 * digits and symbols ("password2024!", "iloveyou123", "woaini1314"). Sequences and keyboard walks
 * are recognised by rule rather than listed.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  '1234567890', '0123456789', '0987654321', '9876543210', '12345678910', '123456789a', 'a123456789', '1234567890a',
  '123123123123', '1231231231', '1212121212', '1122334455', '1234512345', '5201314520', '1314520520', '5211314521',
  '1qaz2wsx3edc', '1qaz2wsx3edc4rfv', '1q2w3e4r5t', '1q2w3e4r5t6y', '1q2w3e4r5t6y7u', 'q1w2e3r4t5', 'q1w2e3r4t5y6',
  'zaq12wsxcde3', 'zaq1zaq1zaq1', 'zaq1xsw2cde3', 'qwertyuiop', 'qwertyuiop123', 'asdfghjkl123', 'qwerty123456',
  'qwerty12345', 'qwerty1234', 'asdfghjkl1', 'zxcvbnm123', 'zxcvbnm1234', 'qazwsxedc123', 'qazwsxedcrfv', '1qazxsw23edc',
  'password12', 'password123', 'password1234', 'password12345', 'password123456', 'password!', 'password1!', 'passw0rd123',
  'p@ssw0rd123', 'p@ssword123', 'p@55w0rd123', 'password2020', 'password2021', 'password2022', 'password2023', 'password2024',
  'password2025', 'password2026', 'welcome123', 'welcome1234', 'welcome2024', 'welcome2025', 'welcome2026', 'iloveyou123',
  'iloveyou12', 'iloveyou1314', 'iloveyou520', 'woaini1314', 'woaini520520', 'woaini123456', 'woaini1314520', 'aini1314520',
  'abc123456789', 'abcd123456', 'abcd1234567', 'abc1234567', 'abc12345678', 'abcdefghij', 'abcdefg123', 'abcdef123456',
  'aa123456789', 'aa12345678', 'qq123456789', 'qq1234567890', 'a1234567890', 'a1b2c3d4e5', 'a1b2c3d4e5f6', 'admin12345',
  'admin123456', 'admin@1234', 'admin@12345', 'administrator', 'administrator1', 'changeme123', 'letmein123', 'letmein1234',
  'trustno1trustno1', 'football123', 'baseball123', 'basketball', 'basketball1', 'basketball123', 'superman123', 'batman12345',
  'starwars123', 'princess123', 'sunshine123', 'monkey12345', 'dragon12345', 'shadow12345', 'master12345', 'michael123',
  'jordan2323', 'charlie123', 'computer123', 'internet123', 'whatever123', 'qwerty123!', 'qwerty!@#$%', '!qaz@wsx#edc',
  '!qaz2wsx3edc', '1qaz@wsx#edc', '1qaz!qaz1qaz', 'qweasdzxc123', 'qweasdzxc', 'qweasdzxc1', 'qwe123qwe123', 'asd123asd123',
  'zxc123zxc123', '123qweasdzxc', '123456qwerty', '123456abcdef', '123456789abc', '123456789qwe', '123456aa', '88888888888',
  '66666666666', '147258369', '1472583690', '1597534862', '7894561230', '9638527410', '3692581470', '1478963250',
  'passwordpassword', 'qwertyqwerty', 'asdfasdfasdf', 'asdfghjklqwerty', 'abcabcabcabc', 'testtesttest', 'test123456',
  'test1234567', 'testing123', 'testing1234', 'guest12345', 'user123456', 'root123456', 'demo123456', 'secret1234',
  'mypassword', 'mypassword1', 'mypassword123', 'newpassword', 'newpassword1', 'newpassword123', 'yourpassword', 'thepassword',
  'nopassword', 'passwort123', 'motdepasse', 'contrasena', 'contraseña', 'senha123456', 'parola12345', 'hello12345',
  'helloworld', 'helloworld1', 'helloworld123', 'loveyou1314', 'lovelove520', 'zhangwei123', 'wangwei123', 'liuyang123',
  'zhang123456', 'wang123456', 'li123456789', 'chen123456', 'liu123456789', 'huawei123456', 'china123456', 'beijing123',
  'shanghai123', 'woshishui', 'woshishui123', 'wodemima', 'wodemima123', 'mima123456', 'zhimakaimen', 'nihao123456',
  'xiaoming123', 'tiantian123', 'wangyi123456', 'baidu123456', 'taobao123456', 'qq5201314', 'qq1314520', 'aa5201314',
  'correcthorsebatterystaple', 'iloveyouforever', 'iloveyousomuch', 'letmeinplease', 'opensesame', 'blink182blink182',
];

/** Short favourites: with digits or symbols around them they are still among the first guesses. */
export const BASE_WORDS: readonly string[] = [
  'password', 'passw0rd', 'p@ssword', 'p@ssw0rd', 'p@55w0rd', 'pass', 'pwd', 'mima', 'wodemima', 'qwerty', 'qwertz', 'azerty',
  'asdf', 'asdfgh', 'asdfghjkl', 'zxcvbn', 'zxcvbnm', 'qazwsx', 'qweasd', 'qweasdzxc', 'iloveyou', 'iloveu', 'loveyou', 'woaini',
  'aini', 'admin', 'administrator', 'root', 'user', 'guest', 'test', 'demo', 'welcome', 'letmein', 'changeme', 'secret', 'default',
  'monkey', 'dragon', 'master', 'shadow', 'sunshine', 'princess', 'football', 'baseball', 'soccer', 'superman', 'batman',
  'starwars', 'pokemon', 'michael', 'jordan', 'charlie', 'computer', 'internet', 'whatever', 'trustno', 'abc', 'abcd', 'abcdef',
  'abcdefg', 'qwe', 'asd', 'zxc', 'qq', 'aa', 'a', 'hello', 'helloworld', 'nihao', 'china', 'beijing', 'shanghai', 'topten',
  'award', 'callcenter', 'service', 'kefu', 'huawei', 'taobao', 'baidu', 'tencent', 'alibaba', 'apple', 'google', 'samsung',
];
