// Creates the database of the given URL if it is missing, connecting to the server's "postgres" database.
// With --fresh it is dropped first (npm start's demo database, when its Temporal history is new).
const { Client } = require('pg');

async function main(url, fresh) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    if (fresh) await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

main(process.argv[2], process.argv[3] === '--fresh').catch((err) => {
  console.error(`Cannot reach or create the database ${process.argv[2]}: ${err.message}`);
  process.exit(1);
});
