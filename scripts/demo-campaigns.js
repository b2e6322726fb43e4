// Issues the sample district's campaigns through the API, as the office head would. Safe to run again:
// a campaign with the same key and document number is returned, not created twice.
const fs = require('node:fs');
const path = require('node:path');

async function main(base) {
  const sample = JSON.parse(fs.readFileSync(path.join(__dirname, '../prisma/district-kien-xuong.json'), 'utf8'));
  const password = process.env.SEED_PASSWORD ?? 'Duyet@2026';
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'truongphong@kienxuong.example', password }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { accessToken } = await login.json();
  for (const campaign of sample.campaigns) {
    const { meetings: _meetings, ...body } = campaign;
    const res = await fetch(`${base}/campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`campaign ${campaign.key}: ${res.status} ${await res.text()}`);
    console.log(`[duyet] campaign ${campaign.key} ${res.status === 201 ? 'issued' : 'already issued'}`);
  }
}

main(process.argv[2]).catch((err) => {
  console.error(err.message);
  process.exit(1);
});
