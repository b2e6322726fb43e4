// Issues the sample district's campaigns through the API, as the office head would. Safe to run again:
// a campaign with the same key and document number is returned, not created twice.
// The seeds' three directives keep their own dates (2017 to 2022: their plans show as long overdue). So that the demo
// also shows plans being written, a fourth directive for the current school year is issued, modelled on the latest
// seed, with its deadline three weeks ahead (on a weekday at 17:00, Vietnam's time).
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
  for (const campaign of [...sample.campaigns, currentYearCampaign(sample.campaigns, new Date())]) {
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

/** The latest seed again, for the school year under way, due three weeks from today. */
function currentYearCampaign(campaigns, today) {
  const model = campaigns.find((c) => c.key === 'nam-2022') ?? campaigns[campaigns.length - 1];
  // A school year runs from September: from January to August it is the one that began the previous year.
  const startYear = today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  const schoolYear = `${startYear} - ${startYear + 1}`;
  const deadline = new Date(today.getTime() + 21 * 86_400_000);
  while ([0, 6].includes(deadline.getUTCDay())) deadline.setUTCDate(deadline.getUTCDate() + 1);
  const day = (d) => d.toISOString().slice(0, 10);
  const { meetings: _meetings, phases: _phases, ...rest } = model;
  return {
    ...rest,
    key: `demo-nam-hoc-${startYear}`,
    documentNumber: `${(startYear % 100) * 10 + 1}/KH-PGDĐT`,
    title: `Kế hoạch thực hiện nhiệm vụ năm học ${schoolYear} (bản chạy thử)`,
    legalBases: [`Hướng dẫn nhiệm vụ năm học ${schoolYear} của Sở Giáo dục và Đào tạo`],
    issuedOn: day(today),
    period: { from: `${startYear}-09-01`, to: `${startYear + 1}-05-31` },
    submissionDeadline: `${day(deadline)}T17:00:00+07:00`,
    signer: { email: 'truongphong@kienxuong.example', title: 'Trưởng phòng' },
  };
}

main(process.argv[2]).catch((err) => {
  console.error(err.message);
  process.exit(1);
});
