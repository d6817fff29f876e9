using Hl7.Fhir.Model;
using WardTwin.DeviceData.Hl7;
using WardTwin.Grains;

namespace WardTwin.DeviceData.Fhir;

/// <summary>
/// The FHIR R4 resources of one admission's devices. Identity (Patient, Encounter, the monitor and pump as Device
/// and each metric as DeviceMetric) is created once, conditionally (ifNoneExist on a WardTwin identifier), so a
/// restart or a second sender finds the same resources. Readings become vital-signs Observations as the R4 Vital
/// Signs profiles ask (category vital-signs, their LOINC code, UCUM units), with the IEEE 11073 MDC code beside LOINC;
/// blood pressure is the 85354-9 panel (MDC 150020 beside it) with systolic and diastolic components. Pure: no I/O.
/// </summary>
public static class FhirResources
{
    private const string VitalSignsProfile = "http://hl7.org/fhir/StructureDefinition/";

    /// <summary>The metrics a monitor and a pump report, each a DeviceMetric of its device.</summary>
    public static readonly (string Key, MdcCode Code, DeviceKind Device)[] Metrics =
    [
        ("hr", Mdc.HeartRate, DeviceKind.Monitor), ("spo2", Mdc.Spo2, DeviceKind.Monitor), ("rr", Mdc.RespRate, DeviceKind.Monitor),
        ("nibp", Mdc.NibpSys, DeviceKind.Monitor), ("rate", Mdc.PumpRate, DeviceKind.Pump),
    ];

    /// <summary>Patient, Encounter, both Devices and every DeviceMetric of an admission, as conditional creates linked by urn:uuid (one transaction).</summary>
    public static List<Bundle.EntryComponent> Identity(DeviceIdentity monitor)
    {
        string admission = monitor.AdmissionId;
        var entries = new List<Bundle.EntryComponent>();
        string patientUrl = Urn(), encounterUrl = Urn();
        var patient = new Patient
        {
            Identifier = [new Identifier(Loinc.Identifiers, admission)],
            Name = [new HumanName { Family = "Virtual", Given = [$"Patient {monitor.Patient}"], Use = HumanName.NameUse.Anonymous }],
        };
        entries.Add(Create(patient, patientUrl, $"identifier={Loinc.Identifiers}|{admission}"));
        var encounter = new Encounter
        {
            Identifier = [new Identifier(Loinc.Identifiers, admission + "/encounter")],
            Status = Encounter.EncounterStatus.InProgress,
            Class = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"),
            Subject = new ResourceReference(patientUrl),
            Location = [new Encounter.LocationComponent { Location = new ResourceReference { Display = $"{monitor.Ward} bed {monitor.Bed}" } }],
        };
        entries.Add(Create(encounter, encounterUrl, $"identifier={Loinc.Identifiers}|{admission}/encounter"));
        foreach (var kind in new[] { DeviceKind.Monitor, DeviceKind.Pump })
        {
            var id = monitor with { Kind = kind };
            string deviceUrl = Urn();
            var device = new Device
            {
                Identifier = [new Identifier(Loinc.DeviceIds, id.Eui64)],
                Type = new CodeableConcept { Coding = [Loinc.Of(kind == DeviceKind.Monitor ? Mdc.MonitorMds : Mdc.PumpMds)] },
                Patient = new ResourceReference(patientUrl),
                DeviceName = [new Device.DeviceNameComponent { Name = $"WardTwin {(kind == DeviceKind.Monitor ? "bedside monitor" : "infusion pump")} {monitor.Ward} bed {monitor.Bed}", Type = DeviceNameType.UserFriendlyName }],
            };
            entries.Add(Create(device, deviceUrl, $"identifier={Loinc.DeviceIds}|{id.Eui64}"));
            foreach (var m in Metrics.Where(m => m.Device == kind))
            {
                var metric = new DeviceMetric
                {
                    Identifier = [new Identifier(Loinc.DeviceIds, $"{id.Eui64}/{m.Key}")],
                    Type = new CodeableConcept { Coding = [Loinc.Of(m.Code)] },
                    Source = new ResourceReference(deviceUrl),
                    Category = DeviceMetric.DeviceMetricCategory.Measurement,
                    OperationalStatus = DeviceMetric.DeviceMetricOperationalStatus.On,
                };
                entries.Add(Create(metric, Urn(), $"identifier={Loinc.DeviceIds}|{id.Eui64}/{m.Key}"));
            }
        }

        return entries;
    }

    /// <summary>A monitor reading as four vital-signs Observations (HR, SpO2 unless the probe is off, RR, the BP panel).</summary>
    /// <param name="refs">Server references of the admission's Patient, Encounter and DeviceMetrics (by metric key).</param>
    public static IEnumerable<Observation> Vitals(MonitorReading r, AdmissionRefs refs)
    {
        var at = new FhirDateTime(DateTimeOffset.FromUnixTimeMilliseconds(r.SampledUnixMs));
        yield return Vital("heartrate", [Loinc.Code("heart_rate"), Loinc.Of(Mdc.HeartRate)], Loinc.Quantity(r.HrPerMin, 0, "/min"), "hr", refs, at);
        if (r.Artefact != 1)
        {
            yield return Vital("oxygensat", [Loinc.Also("spo2"), Loinc.Code("spo2"), Loinc.Of(Mdc.Spo2)], Loinc.Quantity(r.Spo2Percent, 0, "%"), "spo2", refs, at);
        }

        yield return Vital("resprate", [Loinc.Code("respiratory_rate"), Loinc.Of(Mdc.RespRate)], Loinc.Quantity(r.RrPerMin, 0, "/min"), "rr", refs, at);
        var bp = Vital("bp", [Loinc.Code("bp_panel"), Loinc.Of(Mdc.Nibp)], null, "nibp", refs, at);

        // Components carry LOINC alone: Firely's validator matches the bp profile's component slices only then.
        bp.Component =
        [
            new Observation.ComponentComponent { Code = new CodeableConcept { Coding = [Loinc.Code("bp_systolic")] }, Value = Loinc.Quantity(r.SbpMmHg, 0, "mm[Hg]") },
            new Observation.ComponentComponent { Code = new CodeableConcept { Coding = [Loinc.Code("bp_diastolic")] }, Value = Loinc.Quantity(r.DbpMmHg, 0, "mm[Hg]") },
        ];
        yield return bp;
    }

    /// <summary>The pump's delivered rate (MDC_FLOW_FLUID_PUMP, mL/h): a device observation, not a vital sign.</summary>
    public static Observation PumpRate(PumpObservation p, AdmissionRefs refs) => new()
    {
        Status = ObservationStatus.Final,
        Code = new CodeableConcept { Coding = [Loinc.Of(Mdc.PumpRate)], Text = $"{p.Drug} infusion rate" },
        Subject = new ResourceReference(refs.Patient),
        Encounter = new ResourceReference(refs.Encounter),
        Device = refs.Metrics.TryGetValue("rate", out var d) ? new ResourceReference(d) : null,
        Effective = new FhirDateTime(p.At),
        Value = Loinc.Quantity(p.RateMlPerH, 1, "mL/h"),
    };

    private static Observation Vital(string profile, List<Coding> codes, Quantity? value, string metric, AdmissionRefs refs, FhirDateTime at) => new()
    {
        Meta = new Meta { Profile = [VitalSignsProfile + profile] },
        Status = ObservationStatus.Final,
        Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs")],
        Code = new CodeableConcept { Coding = codes },
        Subject = new ResourceReference(refs.Patient),
        Encounter = new ResourceReference(refs.Encounter),
        Device = refs.Metrics.TryGetValue(metric, out var d) ? new ResourceReference(d) : null,
        Effective = at,
        Value = value,
    };

    private static Bundle.EntryComponent Create(Resource resource, string fullUrl, string ifNoneExist) => new()
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = resource.TypeName, IfNoneExist = ifNoneExist },
    };

    private static string Urn() => "urn:uuid:" + Guid.NewGuid().ToString("D");
}

/// <summary>Where the server keeps an admission's Patient and Encounter and each DeviceMetric ("Patient/123"), read from the identity transaction's answer.</summary>
public sealed record AdmissionRefs(string Patient, string Encounter, IReadOnlyDictionary<string, string> Metrics);
