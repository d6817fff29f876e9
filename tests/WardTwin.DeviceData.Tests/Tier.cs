// One tier per project: the device-data builders, framing and senders are unit tests (no cluster, no processes).
[assembly: AssemblyTrait("Tier", "unit")]
