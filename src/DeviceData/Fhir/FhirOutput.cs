using System.Text.Json;
using Hl7.Fhir.Model;
using WardTwin.DeviceData.Feed;
using WardTwin.DeviceData.Hl7;
using BundleType = Hl7.Fhir.Model.Bundle.BundleType;
using HttpVerb = Hl7.Fhir.Model.Bundle.HTTPVerb;

namespace WardTwin.DeviceData.Fhir;

/// <summary>
/// A ward's devices as FHIR: every interval, each monitor's latest reading (when newer than the last one posted)
/// as vital-signs Observations and each pump's rate, in Bundles of at most MaxEntries. An admission's identity
/// resources go first, once, in a transaction of their own; its observations follow once the server said where
/// they are (so batch Bundles need no in-Bundle references either).
/// </summary>
public sealed class FhirOutput(WardDeviceState ward, FhirSender sender, FhirOptions options, TimeProvider time)
{
    private readonly Dictionary<string, AdmissionRefs?> _refs = new(StringComparer.Ordinal); // null: asked, no answer yet
    private readonly Dictionary<string, long> _lastSequence = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastPump = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async System.Threading.Tasks.Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.IntervalS), time);
        try
        {
            do
            {
                Step();
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One interval's Bundles.</summary>
    public void Step()
    {
        var entries = new List<Bundle.EntryComponent>();
        var pumps = ward.Pumps().ToDictionary(p => p.Device.AdmissionId, StringComparer.Ordinal);
        var monitors = ward.Monitors();
        Forget(monitors.Select(m => m.Device.AdmissionId).ToHashSet(StringComparer.Ordinal));
        foreach (var (device, reading) in monitors)
        {
            AdmissionRefs? refs;
            lock (_gate)
            {
                if (!_refs.TryGetValue(device.AdmissionId, out refs))
                {
                    _refs[device.AdmissionId] = null;
                    PostIdentity(device);
                    continue;
                }
            }

            if (refs is null)
            {
                continue; // its identity is still on its way
            }

            if (!_lastSequence.TryGetValue(device.AdmissionId, out long last) || last != reading.Sequence)
            {
                _lastSequence[device.AdmissionId] = reading.Sequence;
                entries.AddRange(FhirResources.Vitals(reading, refs).Select(Entry));
            }

            if (pumps.TryGetValue(device.AdmissionId, out var p) && (!_lastPump.TryGetValue(device.AdmissionId, out var at) || at != p.At))
            {
                _lastPump[device.AdmissionId] = p.At;
                entries.Add(Entry(FhirResources.PumpRate(Feed.Hl7Output.Observation(p.Device, p.Pump, p.At), refs)));
            }
        }

        foreach (var bundle in Bundles(entries, options.MaxEntries, options.BundleType == "batch" ? BundleType.Batch : BundleType.Transaction, time.GetUtcNow()))
        {
            sender.Post(bundle, _ => { });
        }
    }

    /// <summary>Admissions gone from the ward (discharged) are forgotten, so a long ward's bookkeeping stays flat.</summary>
    private void Forget(HashSet<string> present)
    {
        foreach (string gone in _lastSequence.Keys.Where(k => !present.Contains(k)).ToList())
        {
            _lastSequence.Remove(gone);
            _lastPump.Remove(gone);
            lock (_gate)
            {
                _refs.Remove(gone);
            }
        }
    }

    private void PostIdentity(DeviceIdentity monitor)
    {
        var entries = FhirResources.Identity(monitor);
        sender.Post(Bundles(entries, int.MaxValue, BundleType.Transaction, time.GetUtcNow()).Single(), answer =>
        {
            var refs = answer is null ? null : Read(answer, entries);
            lock (_gate)
            {
                if (refs is null)
                {
                    _refs.Remove(monitor.AdmissionId); // asked again next interval
                }
                else
                {
                    _refs[monitor.AdmissionId] = refs;
                }
            }
        });
    }

    /// <summary>The locations of a transaction-response's entries, in the order of the request's.</summary>
    public static AdmissionRefs? Read(JsonDocument answer, List<Bundle.EntryComponent> sent)
    {
        if (!answer.RootElement.TryGetProperty("entry", out var entries) || entries.GetArrayLength() != sent.Count)
        {
            return null;
        }

        var where = new List<string>();
        foreach (var e in entries.EnumerateArray())
        {
            string? location = e.TryGetProperty("response", out var r) && r.TryGetProperty("location", out var l) ? l.GetString() : null;
            if (location is null)
            {
                return null;
            }

            // "Patient/123/_history/1" or an absolute URL: the type and id are what a reference needs.
            var parts = location.Split('/', StringSplitOptions.RemoveEmptyEntries);
            int h = Array.IndexOf(parts, "_history");
            int end = h > 0 ? h : parts.Length;
            where.Add($"{parts[end - 2]}/{parts[end - 1]}");
        }

        var metrics = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < sent.Count; i++)
        {
            if (sent[i].Resource is DeviceMetric m)
            {
                metrics[m.Identifier[0].Value!.Split('/')[^1]] = where[i];
            }
        }

        return new AdmissionRefs(where[0], where[1], metrics);
    }

    private static Bundle.EntryComponent Entry(Observation o) => new()
    {
        FullUrl = "urn:uuid:" + Guid.NewGuid().ToString("D"),
        Resource = o,
        Request = new Bundle.RequestComponent { Method = HttpVerb.POST, Url = "Observation" },
    };

    /// <summary>Entries cut into Bundles of at most max entries each.</summary>
    public static IEnumerable<Bundle> Bundles(List<Bundle.EntryComponent> entries, int max, BundleType type, DateTimeOffset at) =>
        entries.Chunk(max).Select(chunk => new Bundle { Type = type, Timestamp = at, Entry = [.. chunk] });
}
