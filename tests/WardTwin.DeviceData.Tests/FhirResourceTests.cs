using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using WardTwin.DeviceData.Fhir;
using WardTwin.Grains;

namespace WardTwin.DeviceData.Tests;

/// <summary>
/// What the FHIR output sends, checked by Firely's validator against the R4 specification and its Vital Signs
/// profiles (heartrate, oxygensat, resprate, bp), not by reading our own code back: LOINC and UCUM where the profiles
/// ask, the MDC coding beside, identity made once with ifNoneExist, Bundles of at most 500 entries.
/// </summary>
public sealed class FhirResourceTests
{
    private static readonly Lazy<Validator> Firely = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(source, new LocalTerminologyService(source));
    });

    private static readonly MonitorReading Reading = new(7, 42, 1.5, Golden.At.ToUnixTimeMilliseconds(), 72.4f, 128.2f, 79.6f, 97.2f, 14.1f, 0);

    private static readonly AdmissionRefs Refs = new("Patient/p1", "Encounter/e1", new Dictionary<string, string> { ["hr"] = "DeviceMetric/m1", ["spo2"] = "DeviceMetric/m2", ["rr"] = "DeviceMetric/m3", ["nibp"] = "DeviceMetric/m4", ["rate"] = "DeviceMetric/m5" });

    [Theory]
    [InlineData("8867-4", "http://hl7.org/fhir/StructureDefinition/heartrate")]
    [InlineData("2708-6", "http://hl7.org/fhir/StructureDefinition/oxygensat")]
    [InlineData("9279-1", "http://hl7.org/fhir/StructureDefinition/resprate")]
    [InlineData("85354-9", "http://hl7.org/fhir/StructureDefinition/bp")]
    [InlineData("85354-9", "http://hl7.org/fhir/StructureDefinition/vitalsigns")]
    public void Each_vital_sign_is_valid_against_its_R4_Vital_Signs_profile(string loinc, string profile)
    {
        var o = FhirResources.Vitals(Reading, Refs).Single(x => x.Code.Coding[0].Code == loinc);
        var outcome = Firely.Value.Validate(o, profile);
        Assert.True(outcome.Success, outcome.ToString());
        Assert.Equal("vital-signs", o.Category[0].Coding[0].Code);
        Assert.Contains(o.Code.Coding, c => c.System == Loinc.Mdc);
    }

    [Fact]
    public void Blood_pressure_is_a_panel_beside_its_MDC_code_with_systolic_and_diastolic_components_in_mm_Hg()
    {
        var bp = FhirResources.Vitals(Reading, Refs).Single(x => x.Code.Coding[0].Code == "85354-9");
        var sys = bp.Component!.Single(c => c.Code.Coding[0].Code == "8480-6");
        var dia = bp.Component!.Single(c => c.Code.Coding[0].Code == "8462-4");
        var s = (Quantity)sys.Value!;
        Assert.Equal((128m, "mm[Hg]", Loinc.Ucum), (s.Value!.Value, s.Code, s.System));
        Assert.Equal(80m, ((Quantity)dia.Value!).Value);
        Assert.Equal(("urn:iso:std:iso:11073:10101", "150020"), (bp.Code.Coding[1].System, bp.Code.Coding[1].Code));
    }

    [Fact]
    public void A_probe_off_reading_sends_no_saturation()
    {
        var codes = FhirResources.Vitals(Reading with { Artefact = 1 }, Refs).Select(o => o.Code.Coding[0].Code);
        Assert.Equal(["8867-4", "9279-1", "85354-9"], codes);
    }

    [Fact]
    public void An_admissions_identity_is_valid_and_every_resource_is_a_conditional_create_on_a_WardTwin_identifier()
    {
        var entries = FhirResources.Identity(Golden.Monitor);
        Assert.Equal(["Patient", "Encounter", "Device", "DeviceMetric", "DeviceMetric", "DeviceMetric", "DeviceMetric", "Device", "DeviceMetric"], entries.Select(e => e.Resource!.TypeName));
        Assert.All(entries, e =>
        {
            Assert.Equal(Bundle.HTTPVerb.POST, e.Request!.Method);
            Assert.StartsWith("identifier=urn:wardtwin:", e.Request.IfNoneExist, StringComparison.Ordinal);
            var outcome = Firely.Value.Validate(e.Resource!, "http://hl7.org/fhir/StructureDefinition/" + e.Resource!.TypeName);
            Assert.True(outcome.Success, e.Resource!.TypeName + ": " + outcome);
        });
        var bundle = new Bundle { Type = Bundle.BundleType.Transaction, Entry = entries };
        Assert.True(Firely.Value.Validate(bundle, "http://hl7.org/fhir/StructureDefinition/Bundle").Success);
    }

    [Fact]
    public void Entries_are_cut_into_Bundles_of_at_most_500()
    {
        var entries = Enumerable.Range(0, 1203).Select(_ => new Bundle.EntryComponent()).ToList();
        var bundles = FhirOutput.Bundles(entries, 500, Bundle.BundleType.Batch, Golden.At).ToList();
        Assert.Equal([500, 500, 203], bundles.Select(b => b.Entry.Count));
        Assert.All(bundles, b => Assert.Equal(Bundle.BundleType.Batch, b.Type));
    }
}
