using System.Text.Json.Nodes;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// `run --fhir` against Medplum's in-memory FHIR server: a 4-bed ward's vital signs arrive as Observations the server
/// finds by LOINC code, with UCUM units and the MDC code beside; each admission's Patient is made once however many
/// Bundles follow; no Bundle exceeds 500 entries; a server answering 503 at first is retried until it takes them, one
/// answering 429 is retried no sooner than its Retry-After, and one refusing Bundles with 400 has them dropped, counted
/// and logged with its OperationOutcome, never retried, while later Bundles (and the admissions' identities) go on.
/// </summary>
[Collection(TimingGroup.Name)]
public sealed class FhirDeviceDataTests
{
    [Fact]
    public async Task A_4_bed_ward_posts_vital_signs_Observations_with_LOINC_and_UCUM_and_makes_each_Patient_once()
    {
        await using var fhir = await MedplumFhirServer.StartAsync();
        await using var silo = await WardPostingTo(fhir, 4);
        await HeartRatesArrive(fhir, 12, "three rounds of heart rates from 4 monitors");

        Assert.Equal(4, await fhir.TotalAsync("Patient?identifier=urn:wardtwin:admission|"));
        Assert.Equal(4, await fhir.TotalAsync("Encounter"));
        Assert.Equal(8, await fhir.TotalAsync("Device"));
        var heart = (await fhir.SearchAsync("Observation?code=http://loinc.org|8867-4&_count=1"))["entry"]![0]!["resource"]!;
        Assert.Equal("vital-signs", (string)heart["category"]![0]!["coding"]![0]!["code"]!);
        Assert.Equal(("http://unitsofmeasure.org", "/min"), ((string)heart["valueQuantity"]!["system"]!, (string)heart["valueQuantity"]!["code"]!));
        Assert.Contains(heart["code"]!["coding"]!.AsArray(), c => (string)c!["system"]! == "urn:iso:std:iso:11073:10101" && (string)c["code"]! == "147842");
        Assert.StartsWith("Patient/", (string)heart["subject"]!["reference"]!, StringComparison.Ordinal);
        var bp = (await fhir.SearchAsync("Observation?code=http://loinc.org|85354-9&_count=1"))["entry"]![0]!["resource"]!;
        Assert.Equal(["8480-6", "8462-4"], bp["component"]!.AsArray().Select(c => (string)c!["code"]!["coding"]![0]!["code"]!));
        Assert.All(bp["component"]!.AsArray(), c => Assert.Equal("mm[Hg]", (string)c!["valueQuantity"]!["code"]!));
        Assert.True(await fhir.TotalAsync("Observation?code=http://loinc.org|2708-6") > 0);
        Assert.True(await fhir.TotalAsync("Observation?code=http://loinc.org|9279-1") > 0);
        var (bundles, most, _) = await fhir.StatsAsync();
        Assert.InRange(most, 1, 500);
        Assert.True(bundles >= 4, $"{bundles} Bundles");
        Assert.True(await MetricsText.ReadAsync(silo, "wardtwin_fhir_entries_total") > 0);
    }

    [Fact]
    public async Task A_server_answering_503_at_first_is_retried_with_back_off_and_then_takes_the_Bundles()
    {
        await using var fhir = await MedplumFhirServer.StartAsync(failFirst: 3, failStatus: 503);
        await using var silo = await WardPostingTo(fhir, 2);
        await HeartRatesArrive(fhir, 2, "heart rates after the 503s");
        Assert.True(await MetricsText.ReadAsync(silo, "wardtwin_fhir_retries_total", "reason=\"5xx\"") >= 3);
        Assert.Equal(2, await fhir.TotalAsync("Patient"));
    }

    [Fact]
    public async Task A_server_answering_429_with_Retry_After_is_not_asked_again_sooner()
    {
        // Retry-After 3 s against a back-off that starts at 0.4-0.6 s: only a sender that reads the header waits 3 s.
        await using var fhir = await MedplumFhirServer.StartAsync(failFirst: 3, failStatus: 429, retryAfterS: 3);
        await using var silo = await WardPostingTo(fhir, 2);
        await HeartRatesArrive(fhir, 2, "heart rates after the 429s");

        var (_, _, refused) = await fhir.StatsAsync();
        Assert.Equal(3, refused.Length);
        var gapsMs = refused.Zip(refused.Skip(1), (a, b) => b - a).ToArray();
        Assert.All(gapsMs, g => Assert.True(g >= 2_900, $"a retry came {g} ms after a 429 with Retry-After: 3 (gaps {string.Join(", ", gapsMs)} ms)"));
        Assert.True(await MetricsText.ReadAsync(silo, "wardtwin_fhir_retries_total", "reason=\"429\"") >= 3);
        Assert.Equal(0, await MetricsText.ReadAsync(silo, "wardtwin_fhir_dropped_total"));
        Assert.Equal(2, await fhir.TotalAsync("Patient"));
    }

    [Fact]
    public async Task A_Bundle_refused_with_400_is_dropped_counted_and_logged_not_retried_and_later_Bundles_go_on()
    {
        await using var fhir = await MedplumFhirServer.StartAsync(failFirst: 2, failStatus: 400);
        await using var silo = await WardPostingTo(fhir, 2);

        // The first posts are the admissions' identities: refused, they are asked again at the next interval.
        await HeartRatesArrive(fhir, 4, "heart rates after the refusals");

        var (_, _, refused) = await fhir.StatsAsync();
        Assert.Equal(2, refused.Length);
        Assert.True(await MetricsText.ReadAsync(silo, "wardtwin_fhir_dropped_total", "reason=\"client_error\"") >= 2);
        Assert.True(await MetricsText.ReadAsync(silo, "wardtwin_fhir_bundles_total", "outcome=\"client_error\"") >= 2);
        Assert.Equal(0, await MetricsText.ReadAsync(silo, "wardtwin_fhir_retries_total"));
        Assert.Equal(2, await fhir.TotalAsync("Patient"));
        await Eventually.Holds(
            () => Task.FromResult((silo.Output.Contains("with 400: error invalid: told to fail", StringComparison.Ordinal), "the refusal and its OperationOutcome in the log")),
            "the log line", 10);
    }

    private static Task<RunningSilo> WardPostingTo(MedplumFhirServer fhir, int beds) =>
        RunningSilo.StartAsync(null, "127.0.0.1", "--beds", beds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--fhir", fhir.BaseUrl, "--fhir-interval-s", "2");

    private static Task HeartRatesArrive(MedplumFhirServer fhir, int atLeast, string what) => Eventually.Holds(async () =>
    {
        int hr = await fhir.TotalAsync("Observation?code=http://loinc.org|8867-4");
        return (hr >= atLeast, $"{hr} heart rates");
    }, what, 90);
}
