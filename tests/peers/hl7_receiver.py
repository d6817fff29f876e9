#!/usr/bin/python3
"""An independent MLLP receiver for WardTwin's tests and load runs, built on Debian's python3-hl7 (hl7.mllp).

Every message is parsed by python-hl7 and answered with the ACK python-hl7 builds (MSA-1 as --ack asks, MSA-2 its
MSH-10). With --log, one JSON line per message: MSH-9, MSH-10, MSH-12, MSH-21, PID-3, PV1-3 and each OBX's 2..6 and
11, so a test checks what a real parser read, not what the sender meant. --delay-ms makes it slow, --ack AR makes it
refuse. With --stats, a JSON line of counts every second (the load generator's 'received' figure).
"""
import argparse
import asyncio
import json
import resource
import signal
import sys
import time

import hl7
from hl7.mllp import start_hl7_server


def summary(message):
    msh = message.segment("MSH")
    out = {
        "msh9": str(msh(9)),
        "msh10": str(msh(10)),
        "msh12": str(msh(12)),
        "msh21": str(msh(21)) if len(msh) > 21 else "",
        "pid3": str(message.segment("PID")(3)),
        "pv1_3": str(message.segment("PV1")(3)),
        "obx": [],
        "t": time.time(),
    }
    for seg in message.segments("OBX"):
        def f(n):
            return str(seg(n)) if len(seg) > n else ""
        out["obx"].append({"type": f(2), "id": f(3), "sub": f(4), "value": f(5), "units": f(6), "status": f(11)})
    return out


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--ack", default="AA", choices=["AA", "AE", "AR"])
    p.add_argument("--delay-ms", type=int, default=0)
    p.add_argument("--log")
    p.add_argument("--stats")
    args = p.parse_args()
    # A load run opens a connection per device: allow as many descriptors as the system does.
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    log = open(args.log, "a", buffering=1) if args.log else None
    counts = {"messages": 0, "connections": 0, "parse_errors": 0}

    async def client(reader, writer):
        counts["connections"] += 1
        try:
            while not writer.is_closing():
                message = await reader.readmessage()
                counts["messages"] += 1
                kind = str(message.segment("MSH")(9))
                counts[kind] = counts.get(kind, 0) + 1
                if log:
                    log.write(json.dumps(summary(message)) + "\n")
                if args.delay_ms:
                    await asyncio.sleep(args.delay_ms / 1000)
                writer.writemessage(message.create_ack(ack_code=args.ack))
                await writer.drain()
        except asyncio.IncompleteReadError:
            pass
        except (ConnectionError, hl7.exceptions.ParseException):
            counts["parse_errors"] += 1
        finally:
            counts["connections"] -= 1
            writer.close()

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for s in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(s, stop.set)
    async with await start_hl7_server(client, host=args.host, port=args.port, limit=1 << 20) as server:
        print(f"listening {args.port}", flush=True)
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), 1)
            except asyncio.TimeoutError:
                pass
            if args.stats:
                with open(args.stats, "a") as f:
                    f.write(json.dumps(dict(counts, t=time.time())) + "\n")
    print(json.dumps(counts), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
