using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// `run --hl7` against an MLLP receiver nobody here wrote (Debian's python3-hl7): every monitor and pump of a
/// 4-bed ward sends PCD-01 every 5 s with the four vitals' MDC codes, units and containment tree, every message is
/// ACKed; an occluded line and its clearing on a training ward give PCD-04 start and end.
/// </summary>
[Collection(TimingGroup.Name)]
public sealed class Hl7DeviceDataTests
{
    private static readonly string[] Vitals = ["147842", "150456", "150021", "150022", "150023", "151562"];

    [Fact]
    public async Task A_4_bed_ward_sends_PCD01_every_5_s_to_python_hl7_with_MDC_codes_units_and_containment_all_ACKed()
    {
        await using var receiver = await PythonHl7Receiver.StartAsync();
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "4", "--hl7", receiver.Address, "--hl7-interval-s", "5");
        List<JsonObject> got = [];
        await Eventually.Holds(async () =>
        {
            got = receiver.Messages();
            var perDevice = got.GroupBy(Device).ToDictionary(g => g.Key, g => g.Count());
            await Task.CompletedTask;
            return (perDevice.Count == 8 && perDevice.Values.All(n => n >= 3), string.Join(", ", perDevice.Select(p => $"{p.Key}: {p.Value}")));
        }, "three PCD-01 from each of 4 monitors and 4 pumps", 60);

        Assert.All(got, m =>
        {
            Assert.Equal("ORU^R01^ORU_R01", (string)m["msh9"]!);
            Assert.Equal("2.6", (string)m["msh12"]!);
            Assert.StartsWith("IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1", (string)m["msh21"]!, StringComparison.Ordinal);
            Assert.StartsWith("ward-1^^", (string)m["pv1_3"]!, StringComparison.Ordinal);
        });
        var monitors = got.Where(m => Obx(m).Any(o => o.Id.StartsWith("69965^", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(monitors);
        foreach (var m in monitors)
        {
            var rows = Obx(m);
            var numerics = rows.Where(o => o.Type == "NM").ToDictionary(o => o.Id.Split('^')[0]);
            Assert.True(Vitals.All(numerics.ContainsKey) || (Vitals.Except(["150456"]).All(numerics.ContainsKey)), string.Join(" ", numerics.Keys));
            Assert.Equal(("1.1.1.1", "/min"), (numerics["147842"].Sub, numerics["147842"].Units.Split('^')[3]));
            Assert.Equal(("1.3.1.1", "mm[Hg]"), (numerics["150021"].Sub, numerics["150021"].Units.Split('^')[3]));
            Assert.Equal("1.1.1.2", numerics["151562"].Sub);
            Assert.All(numerics.Values, n => Assert.True(double.TryParse(n.Value, System.Globalization.CultureInfo.InvariantCulture, out _), n.Value));

            // Each metric's MDS, VMD and channel are there as header rows (OBX-11 X).
            var headers = rows.Where(o => o.Status == "X").Select(o => o.Sub).ToHashSet();
            Assert.All(numerics.Values, n => Assert.Contains(string.Join('.', n.Sub.Split('.')[..3]) + ".0", headers));
        }

        // Every 5 s per device: consecutive reports of one monitor are 5 s apart (within the 100 ms tick).
        var times = monitors.Where(m => Device(m) == Device(monitors[0])).Select(m => (double)m["t"]!).ToArray();
        Assert.All(times.Zip(times.Skip(1), (a, b) => b - a), gap => Assert.InRange(gap, 4.5, 5.5));
        double acked = await MetricsText.ReadAsync(silo, "wardtwin_hl7_acks_total", "code=\"AA\"");
        Assert.True(acked >= got.Count - 8, $"{acked} AA for {got.Count} messages parsed");
        Assert.Equal(0, await MetricsText.ReadAsync(silo, "wardtwin_hl7_dropped_total"));
    }

    [Fact]
    public async Task An_occluded_line_and_its_clearing_give_PCD04_start_and_end_from_the_pump()
    {
        await using var receiver = await PythonHl7Receiver.StartAsync();
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--scenario", "goldberg-outpatient-hypertension-occlusion", "--trainees", "ann", "--ward", "training-1.ann", "--hl7", receiver.Address, "--hl7-interval-s", "5");
        var ward = await silo.Http.GetFromJsonAsync<JsonObject>(silo.BaseUrl + "/api/wards/training-1.ann");
        string admission = (string)ward!["bedList"]![0]!["admissionId"]!;
        string n = admission.Split('/')[^1];
        var inject = await silo.Http.PostAsJsonAsync(silo.BaseUrl + "/api/training/training-1/inject", new { trainee = "ann", @event = "occlusion" });
        Assert.True(inject.IsSuccessStatusCode, await inject.Content.ReadAsStringAsync());
        await Eventually.Holds(async () => (await Task.FromResult(Alarms(receiver, "start").Count > 0), $"{receiver.Messages().Count} messages"), "PCD-04 start of the occlusion", 30);
        var resume = await silo.Http.PostAsJsonAsync(silo.BaseUrl + $"/api/patients/training-1.ann/{n}/pump/resume", new { });
        Assert.True(resume.IsSuccessStatusCode, await resume.Content.ReadAsStringAsync());
        await Eventually.Holds(async () => (await Task.FromResult(Alarms(receiver, "end").Count > 0), string.Join(", ", Alarms(receiver, null).Select(a => a.Phase))), "PCD-04 end of the occlusion", 30);

        var start = Alarms(receiver, "start").First(a => a.Event.StartsWith("196940^", StringComparison.Ordinal));
        Assert.Equal(("PH", "ST", "active"), (start.Priority, start.Type, start.State));
        Assert.Equal("69985^MDC_DEV_PUMP_INFUS_MDS^MDC", start.Source);
        Assert.Contains(Alarms(receiver, "end"), a => a.Event.StartsWith("196940^", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--hl7", "tcp://127.0.0.1:1", "is not an MLLP address")]
    [InlineData("--fhir", "ftp://x", "is not an http(s) base URL")]
    [InlineData("--hl7-interval-s", "0.5", "IntervalS must be within 1..86400")]
    public async Task Bad_device_data_options_give_one_error_line_and_exit_2(string option, string value, string says)
    {
        string port = RunningSilo.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var r = await Cli.Run(TimeSpan.FromSeconds(90), "run", "--beds", "1", "--for", "2", option == "--hl7" ? "--fhir" : "--hl7", option == "--hl7" ? "http://127.0.0.1:1" : "mllp://127.0.0.1:1", option, value,
            "--dashboard-url", $"http://127.0.0.1:{port}", "--silo-port", RunningSilo.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--gateway-port", RunningSilo.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(says, r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
    }

    private static string Device(JsonObject m) => Obx(m).FirstOrDefault(o => o.Sub == "1.0.0.0").Id + (string)m["pid3"]!;

    private static List<(string Type, string Id, string Sub, string Value, string Units, string Status)> Obx(JsonObject m) =>
        [.. m["obx"]!.AsArray().Select(o => ((string)o!["type"]!, (string)o["id"]!, (string)o["sub"]!, (string)o["value"]!, (string)o["units"]!, (string)o["status"]!))];

    /// <summary>The PCD-04 messages python-hl7 parsed, as (phase, event, source, state, priority, type), optionally of one phase.</summary>
    private static List<(string Phase, string Event, string Source, string State, string Priority, string Type)> Alarms(PythonHl7Receiver receiver, string? phase) =>
        [.. receiver.Messages().Where(m => ((string)m["msh9"]!).StartsWith("ORU^R40", StringComparison.Ordinal)).Select(m =>
        {
            var f = Obx(m).ToDictionary(o => o.Sub.Split('.')[^1], o => o);
            return (f["3"].Value, f["1"].Value, f["2"].Value, f["4"].Value, f["6"].Value, f["7"].Value);
        }).Where(a => phase is null || a.Item1 == phase)];
}
