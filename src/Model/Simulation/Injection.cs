using System.Globalization;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Simulation;

/// <summary>
/// Something put into an admission from outside its protocol, at the host's clock: a side effect shown for a while,
/// a change in vital signs, a pump fault, a loose SpO2 probe, or the patient asking to stop. A host journals it
/// like a key pressed, so a replay gives the same course.
/// </summary>
public sealed record Injection(
    InjectionKind Kind,
    SideEffectKind? SideEffect = null,
    SideEffectGrade? Grade = null,
    double DurationH = 0,
    double HrChangePerMin = 0,
    double SbpChangeMmHg = 0,
    double Spo2ChangePercent = 0,
    double RrChangePerMin = 0)
{
    public string Describe() => Kind switch
    {
        InjectionKind.SideEffect => $"{SideEffectKinds.Name(SideEffect ?? default)} {Grade.ToString()!.ToLowerInvariant()} for {F(DurationH)} h",
        InjectionKind.VitalsChange => $"vital signs change for {F(DurationH)} h: HR {Signed(HrChangePerMin)}/min, SBP {Signed(SbpChangeMmHg)} mmHg, SpO2 {Signed(Spo2ChangePercent)} %{(RrChangePerMin != 0 ? $", RR {Signed(RrChangePerMin)}/min" : string.Empty)}",
        InjectionKind.Occlusion => "the line occludes",
        InjectionKind.BagEmpty => "the bag runs empty",
        InjectionKind.ProbeOff => $"the SpO2 probe comes off for {F(DurationH)} h",
        InjectionKind.AsksToStop => "the patient asks to stop the treatment",
        _ => Kind.ToString(),
    };

    private static string F(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Signed(double x) => (x >= 0 ? "+" : string.Empty) + F(x);
}

public enum InjectionKind
{
    SideEffect,
    VitalsChange,
    Occlusion,
    BagEmpty,
    ProbeOff,
    AsksToStop,
}

/// <summary>A change in the true vital signs until a time (hours of the walk).</summary>
/// <remarks>Diastolic pressure moves by the parameter file's share of the systolic change, as the monitor's drift does. On a live
/// ward (<see cref="Physiology.BreathingModel"/>) the saturation part acts as an extra A-a gradient (<paramref name="ExtraAaMmHg"/>,
/// so oxygen helps), the rate part moves ventilation, and all of it fades with the drug's fast effect site below its level at the
/// injection (<paramref name="ReferenceFastNgPerMl"/>; 0 = fixed, as in the card's model).</remarks>
public sealed record VitalsShift(double HrPerMin, double SbpMmHg, double DbpMmHg, double Spo2Percent, double UntilH,
    double RrPerMin = 0, double ExtraAaMmHg = 0, double ReferenceFastNgPerMl = 0)
{
    public VitalSigns Apply(VitalSigns v, double timeH) => timeH < UntilH
        ? v with
        {
            HrPerMin = v.HrPerMin + HrPerMin, SbpMmHg = v.SbpMmHg + SbpMmHg, DbpMmHg = v.DbpMmHg + DbpMmHg,
            Spo2Percent = Math.Min(100, v.Spo2Percent + Spo2Percent), RrPerMin = Math.Max(0, v.RrPerMin + RrPerMin),
        }
        : v;
}
