// The hostile inputs the fuzz suite draws from, each with a label that names its kind in the failure summary.
// A value is a [label, value] pair: the label says what the input was, the value is what is sent.

export type Labelled<T> = readonly [label: string, value: T];

const VI = 'Kế hoạch năm học của nhà trường';

/** Text that PostgreSQL, documents or terminals cannot hold, or that tools mishandle. */
export const HOSTILE_STRINGS: Labelled<string>[] = [
  ['empty', ''],
  ['spaces', '   '],
  ['whitespace', '\t\n\r '],
  ['nul', 'Miễn\u0000 thử'],
  ['nul-only', '\u0000'],
  ['nuls', '\u0000'.repeat(16)],
  ['nul-end', `${VI}\u0000`],
  ['c0-controls', 'a\u0001\u0002\u0003\u0007\u0008\u000b\u000c\u001b\u001fb'],
  ['del-c1', 'a\u007f\u0080\u0085\u009fb'],
  ['line-separators', `${VI}\u2028\u2029`],
  ['bom', `\ufeff${VI}`],
  ['zero-width', `Kế\u200b\u200c\u200d\u2060hoạch`],
  ['rtl-override', `\u202e${VI}\u202c`],
  ['rtl-arabic', 'خطة العام الدراسي للمدرسة'],
  ['rtl-hebrew', 'תוכנית שנת הלימודים'],
  ['rtl-mixed', `${VI} مدرسة \u200f123`],
  ['emoji', '👩‍👩‍👧‍👦🇻🇳🔥✅'],
  ['emoji-long', '🎓'.repeat(3000)],
  ['lone-surrogate-high', `Kế hoạch \ud800`],
  ['lone-surrogate-low', `\udfff hoạch`],
  ['combining', `Ke\u0302\u0301 hoa\u0323ch${'\u0300'.repeat(50)}`],
  ['zalgo', 'K̸̡̛̬̣̯̝̖͕̬̦̪̈́̿̑̀ế̷̢̛̜̠̮̖͎̙̼̬̓̀̈́̆̉̾ ̶̧̛̣̥̲͎̮̈́̈́̾̆͂h̶̨̛̹̣̤͓̰̼͑̑̈̇̀͘o̴ạ̶c̸h̷'],
  ['nfd-vietnamese', VI.normalize('NFD')],
  ['fullwidth', 'Ｋｅ　ｈｏａｃｈ'],
  ['sql', `'; DROP TABLE "Plan"; --`],
  ['html', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
  ['template', '${7*7}{{7*7}}<%= 7*7 %>#{7*7}'],
  ['format', '%s%d%n%x%%'],
  ['percent-nul', '%00%0a%ff'],
  ['path-traversal', '../../../../etc/passwd'],
  ['windows-path', 'C:\\Windows\\System32\\..\\'],
  ['literal-null', 'null'],
  ['literal-undefined', 'undefined'],
  ['literal-number', '1e309'],
  ['literal-json', '{"a":1}'],
  ['csv-injection', '=HYPERLINK("http://x","y")'],
  ['crlf-injection', 'a\r\nX-Injected: 1\r\n\r\nb'],
  ['long-1k', 'ạ'.repeat(1_000)],
  ['long-2001', 'a'.repeat(2_001)],
  ['long-10001', 'ễ'.repeat(10_001)],
  ['long-100k-ascii', 'x'.repeat(100_000)],
  ['long-100001', 'y'.repeat(100_001)],
  ['long-100k-vietnamese', 'ễ'.repeat(100_000)],
];

/** Every JSON type, for a field of another type. */
export const WRONG_TYPES: Labelled<unknown>[] = [
  ['number', 42],
  ['float', 1.5],
  ['negative', -1],
  ['zero', 0],
  ['true', true],
  ['false', false],
  ['null', null],
  ['empty-array', []],
  ['array', [1, 'a', null]],
  ['array-of-strings', ['Kế hoạch', 'hoạch định']],
  ['empty-object', {}],
  ['object', { a: 1, b: 'hai' }],
  ['string', 'Kế hoạch'],
  ['empty-string', ''],
  ['numeric-string', '123'],
  ['bool-string', 'true'],
];

/** Numbers out of every range a schema or a database column has. */
export const EXTREME_NUMBERS: Labelled<number>[] = [
  ['int32-max+1', 2_147_483_648],
  ['int32-min-1', -2_147_483_649],
  ['int64', 2 ** 63],
  ['unsafe-int', 2 ** 53 + 2],
  ['1e30', 1e30],
  ['max-double', Number.MAX_VALUE],
  ['min-double', -Number.MAX_VALUE],
  ['denormal', 5e-324],
  ['negative-zero', -0],
  ['negative', -1],
  ['zero', 0],
  ['fraction', 0.5],
  ['big-percent', 100.0001],
  ['negative-percent', -0.0001],
];

/** Numbers as they are written in JSON text, some of which JSON.stringify could never produce. */
export const RAW_NUMBERS: Labelled<string>[] = [
  ['1e999', '1e999'],
  ['-1e999', '-1e999'],
  ['30-digits', '123456789012345678901234567890'],
  ['long-fraction', '0.' + '1'.repeat(400)],
  ['exponent', '1E+2'],
  ['negative-zero', '-0'],
];

/** Path or query values where a UUID is expected. */
export const BAD_UUIDS: Labelled<string>[] = [
  ['short', '123'],
  ['word', 'abc'],
  ['nil', '00000000-0000-0000-0000-000000000000'],
  ['max', 'ffffffff-ffff-ffff-ffff-ffffffffffff'],
  ['no-dashes', '6f1c2e3a4b5c4d6e8f7a8b9c0d1e2f3a'],
  ['too-long', '6f1c2e3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a0'],
  ['bad-char', '6f1c2e3a-4b5c-4d6e-8f7a-8b9c0d1e2f3g'],
  ['braces', '{6f1c2e3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a}'],
  ['urn', 'urn:uuid:6f1c2e3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a'],
  ['sql', "1' OR '1'='1"],
  ['int32-max+1', '2147483648'],
  ['negative', '-1'],
  ['huge', '9'.repeat(400)],
  ['emoji', '😀'],
  ['vietnamese', 'kế-hoạch'],
  ['nul', 'a\u0000b'],
  ['long', 'a'.repeat(5_000)],
  ['placeholder', '{id}'],
  ['dot-dot', '..'],
  ['spaces', '  '],
];

/** Values where an integer (a version number, a page) is expected, as text. */
export const BAD_INTEGERS: Labelled<string>[] = [
  ['int32-max+1', '2147483648'],
  ['int32-max', '2147483647'],
  ['int64-max+1', '9223372036854775808'],
  ['unsafe', '9007199254740993'],
  ['1e30', '1e30'],
  ['1e999', '1e999'],
  ['negative', '-1'],
  ['zero', '0'],
  ['fraction', '1.5'],
  ['hex', '0x10'],
  ['binary', '0b11'],
  ['exponent', '1e3'],
  ['padded', ' 1 '],
  ['plus', '+1'],
  ['nan', 'NaN'],
  ['infinity', 'Infinity'],
  ['word', 'abc'],
  ['empty', ''],
  ['huge', '9'.repeat(400)],
  ['emoji', '１'],
];

/** Calendar days that are not days. */
export const BAD_DATES: Labelled<string>[] = [
  ['feb-30', '2027-02-30'],
  ['month-13', '2027-13-01'],
  ['day-00', '2027-01-00'],
  ['year-0', '0000-01-01'],
  ['year-5-digits', '20270-01-01'],
  ['slashes', '01/05/2027'],
  ['datetime', '2027-05-03T00:00:00Z'],
  ['word', 'tomorrow'],
  ['empty', ''],
  ['huge-year', '275760-09-14'],
  ['negative-year', '-2027-01-01'],
  ['leap-non-leap', '2027-02-29'],
];

/** Instants that are not instants, or far out of range. */
export const BAD_DATETIMES: Labelled<string>[] = [
  ['no-zone', '2027-05-03T17:00:00'],
  ['date-only', '2027-05-03'],
  ['feb-30', '2027-02-30T17:00:00+07:00'],
  ['hour-25', '2027-05-03T25:00:00+07:00'],
  ['year-9999', '9999-12-31T23:59:59Z'],
  ['year-0', '0000-01-01T00:00:00Z'],
  ['past', '2000-01-01T00:00:00Z'],
  ['epoch-ms', '1800000000000'],
  ['word', 'ngày mai'],
];

/** JSON text that is not JSON, or is JSON of a kind no route takes. */
export const MALFORMED_JSON: Labelled<string>[] = [
  ['open-brace', '{'],
  ['close-brace', '}'],
  ['missing-value', '{"reason":}'],
  ['single-quotes', "{'reason':'abc'}"],
  ['unquoted-key', '{reason:"abc"}'],
  ['trailing-comma', '{"reason":"abcd",}'],
  ['two-documents', '{"reason":"abcd"}{"reason":"efgh"}'],
  ['garbage-after', '{"reason":"abcd"} xyz'],
  ['nan', '{"reason":NaN}'],
  ['undefined', '{"reason":undefined}'],
  ['comment', '{"reason":"abcd" /* x */}'],
  ['bad-escape', '{"reason":"\\x41"}'],
  ['short-unicode-escape', '{"reason":"\\u00"}'],
  ['raw-newline-in-string', '{"reason":"a\nb"}'],
  ['raw-nul-in-string', '{"reason":"a\u0000b"}'],
  ['escaped-nul', '{"reason":"Mi\\u1ec5n\\u0000 th\\u1eed"}'],
  ['escaped-lone-surrogate', '{"reason":"\\ud800abc"}'],
  ['unterminated-string', '{"reason":"abcd'],
  ['unbalanced-array', '[1,2'],
  ['json-string', '"Kế hoạch"'],
  ['json-number', '42'],
  ['json-true', 'true'],
  ['json-null', 'null'],
  ['json-array', '[]'],
  ['json-array-of-objects', '[{"reason":"abcd"}]'],
  ['whitespace-only', '   \n '],
  ['bom-prefixed', '\ufeff{"reason":"abcd"}'],
  ['proto-pollution', '{"__proto__":{"role":"ADMIN","isAdmin":true},"reason":"abcd"}'],
  ['constructor-pollution', '{"constructor":{"prototype":{"role":"ADMIN"}},"reason":"abcd"}'],
  ['duplicate-keys', '{"reason":"abcd","reason":12345}'],
  ['deep-array', '['.repeat(5_000) + ']'.repeat(5_000)],
  ['deep-object', '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000)],
  ['huge-number-key', `{"${'9'.repeat(1_000)}":1}`],
];

/** Byte sequences that are not UTF-8, sent as a JSON body. */
export const BAD_BYTES: Labelled<Buffer>[] = [
  ['invalid-utf8', Buffer.concat([Buffer.from('{"reason":"'), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from('"}')])],
  ['overlong-nul', Buffer.concat([Buffer.from('{"reason":"ab'), Buffer.from([0xc0, 0x80]), Buffer.from('cd"}')])],
  ['truncated-utf8', Buffer.concat([Buffer.from('{"reason":"ab'), Buffer.from([0xe1, 0xbb]), Buffer.from('"}')])],
  ['utf16le', Buffer.from('{"reason":"Kế hoạch"}', 'utf16le')],
  ['utf16-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"reason":"abcd"}', 'utf16le')])],
  ['latin1', Buffer.from('{"reason":"caf\xe9 na\xefve"}', 'latin1')],
  ['random-binary', Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 7919) % 256))],
  ['gzip-magic', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xff, 0xff])],
];

/** Content types a JSON route is sent: only the first is its own. */
export const CONTENT_TYPES: Labelled<string | undefined>[] = [
  ['json-utf8', 'application/json; charset=utf-8'],
  ['json-UTF-8-upper', 'APPLICATION/JSON; CHARSET=UTF-8'],
  ['json-latin1', 'application/json; charset=latin1'],
  ['json-iso-8859-1', 'application/json; charset=iso-8859-1'],
  ['json-utf16', 'application/json; charset=utf-16'],
  ['json-bogus-charset', 'application/json; charset=bogus-8'],
  ['json-empty-charset', 'application/json; charset='],
  ['json-bad-params', 'application/json;;;=;charset'],
  ['text-plain', 'text/plain'],
  ['text-json', 'text/json'],
  ['form-urlencoded', 'application/x-www-form-urlencoded'],
  ['multipart', 'multipart/form-data; boundary=----fuzz'],
  ['multipart-no-boundary', 'multipart/form-data'],
  ['xml', 'application/xml'],
  ['vendor-json', 'application/vnd.api+json'],
  ['merge-patch', 'application/merge-patch+json'],
  ['octet-stream', 'application/octet-stream'],
  ['wildcard', '*/*'],
  ['garbage', 'not a media type'],
  ['empty', ''],
  ['missing', undefined],
];

/** Content-Encoding values, sent on a plain body unless the label says gzip-real. */
export const CONTENT_ENCODINGS: Labelled<string>[] = [
  ['gzip', 'gzip'],
  ['br', 'br'],
  ['deflate', 'deflate'],
  ['compress', 'compress'],
  ['identity', 'identity'],
  ['unknown', 'x-fuzz'],
  ['double-gzip', 'gzip, gzip'],
  ['empty', ''],
  ['gzip-real', 'gzip'],
  ['deflate-real', 'deflate'],
];

/** Idempotency-Key values, each unlike the 8–200 characters the header takes. */
export const BAD_IDEMPOTENCY_KEYS: Labelled<string>[] = [
  ['short', 'abc'],
  ['empty', ''],
  ['spaces', 'key with spaces 123'],
  ['long', 'k'.repeat(201)],
  ['very-long', 'k'.repeat(8_000)],
  ['latin1', 'clé-\xe9\xe8\xe0-12345'],
  ['utf8-bytes', Buffer.from('khóa-🔑-12345', 'utf8').toString('latin1')],
  ['quotes', '"abcdefgh12345"'],
  ['sql', "x' OR 1=1 --x"],
];

/** Names of fields a route does not take: some of them are the row's own columns. */
export const EXTRA_KEYS: string[] = [
  'extra',
  '__proto__',
  'constructor',
  'prototype',
  'id',
  'districtId',
  'status',
  'role',
  'createdById',
  'versionNo',
  '',
  ' ',
  '🔥',
  'trường',
  '$where',
  'a'.repeat(1_000),
  'a\u0000b',
];

/** Query strings that break a URL parser or a query parser. */
export const BAD_QUERY_STRINGS: Labelled<string>[] = [
  ['bad-percent', 'q=%'],
  ['bad-percent-hex', 'q=%zz'],
  ['truncated-utf8-percent', 'q=%E1%BB'],
  ['invalid-utf8-percent', 'q=%FF%FE'],
  ['percent-nul', 'q=%00'],
  ['nested-brackets', 'a[b][c][d][e][f]=1'],
  ['proto', '__proto__[role]=ADMIN&constructor[prototype][x]=1'],
  ['many-params', Array.from({ length: 1_500 }, (_, i) => `p${i}=${i}`).join('&')],
  ['repeated', Array.from({ length: 50 }, () => 'page=1').join('&')],
  ['empty-names', '=&==&&'],
  ['semicolons', 'page=1;pageSize=2'],
];
