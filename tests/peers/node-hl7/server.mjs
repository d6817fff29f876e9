// A second independent MLLP receiver for WardTwin's device-data tests: node-hl7-server parses each message and
// answers with its own ACK. Usage: node server.mjs PORT LOGFILE. One JSON line per message (MSH-9, MSH-10, MSH-12,
// each OBX's 3.1, 4, 5 and 6.4 as node-hl7-client reads them). Prints "listening PORT" when ready.
import fs from 'node:fs';
import { Server } from 'node-hl7-server';

const port = Number(process.argv[2]);
const log = fs.createWriteStream(process.argv[3], { flags: 'a' });
const server = new Server({ bindAddress: '127.0.0.1' });
const inbound = server.createInbound({ port }, async (req, res) => {
  const m = req.getMessage();
  const obx = [];
  m.get('OBX').forEach((seg) => obx.push({ id: seg.get('3.1').toString(), sub: seg.get('4').toString(), value: seg.get('5').toString(), ucum: seg.get('6.4').toString() }));
  log.write(JSON.stringify({ msh9: `${m.get('MSH.9.1').toString()}^${m.get('MSH.9.2').toString()}`, msh10: m.get('MSH.10').toString(), msh12: m.get('MSH.12').toString(), obx }) + '\n');
  await res.sendResponse('AA');
});
inbound.on('listen', () => console.log(`listening ${port}`));
process.on('SIGTERM', async () => { await inbound.close(); process.exit(0); });
