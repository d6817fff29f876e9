using System.CommandLine;
using System.Globalization;
using WardTwin.DeviceData.Feed;
using WardTwin.DeviceData.Mllp;

namespace WardTwin.Silo.Cli;

/// <summary>`run`'s device-data options: bound here into the "DeviceData" settings, which the host validates when it starts.</summary>
internal sealed class DeviceDataCliOptions
{
    private readonly Option<string?> _hl7 = new("--hl7") { Description = "Send IHE PCD-01 (every monitor and pump) and PCD-04 (alarms) over MLLP to this receiver, e.g. mllp://127.0.0.1:2575" };
    private readonly Option<double> _hl7Interval = new("--hl7-interval-s") { Description = "Seconds between a device's PCD-01 reports (1 at the fastest)", DefaultValueFactory = _ => 60 };
    private readonly Option<string> _hl7Connections = new("--hl7-connections") { Description = "per-device (one MLLP connection per monitor and pump) or gateway (a few shared connections)", DefaultValueFactory = _ => "per-device" };
    private readonly Option<string?> _fhir = new("--fhir") { Description = "Post FHIR R4 vital-signs Observations (transaction Bundles of at most 500 entries) to this base URL" };
    private readonly Option<double> _fhirInterval = new("--fhir-interval-s") { Description = "Seconds between FHIR posts of every device's latest readings", DefaultValueFactory = _ => 60 };

    public void AddTo(Command command)
    {
        _hl7Connections.AcceptOnlyFromAmong("per-device", "gateway");
        foreach (var o in new Option[] { _hl7, _hl7Interval, _hl7Connections, _fhir, _fhirInterval })
        {
            command.Options.Add(o);
        }
    }

    /// <summary>The settings the options give for a ward's devices; none when neither output is asked for. A bad address is refused here, naming it.</summary>
    public Dictionary<string, string?> Read(ParseResult r, string wardId)
    {
        var settings = new Dictionary<string, string?>();
        string? hl7 = r.GetValue(_hl7), fhir = r.GetValue(_fhir);
        if (hl7 is null && fhir is null)
        {
            return settings;
        }

        const string s = DeviceDataOptions.Section;
        settings[$"{s}:Wards:0"] = wardId;
        if (hl7 is not null)
        {
            _ = MllpEndpoint.Parse(hl7);
            settings[$"{s}:Hl7:Endpoint"] = hl7;
            settings[$"{s}:Hl7:IntervalS"] = r.GetValue(_hl7Interval).ToString(CultureInfo.InvariantCulture);
            settings[$"{s}:Hl7:Connections"] = r.GetValue(_hl7Connections);
        }

        if (fhir is not null)
        {
            if (!Uri.TryCreate(fhir, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"--fhir: '{fhir}' is not an http(s) base URL");
            }

            settings[$"{s}:Fhir:BaseUrl"] = fhir;
            settings[$"{s}:Fhir:IntervalS"] = r.GetValue(_fhirInterval).ToString(CultureInfo.InvariantCulture);
        }

        return settings;
    }
}
