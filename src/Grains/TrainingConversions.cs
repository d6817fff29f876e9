using WardTwin.Model.Data;
using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;
using WardTwin.Model.Training;

namespace WardTwin.Grains;

/// <summary>Between the grains' stored forms and the model's: injections and patient overrides.</summary>
public static class TrainingConversions
{
    public static Injection ToModel(this InjectionInput i)
    {
        var kind = DataJson.ParseEnumName<InjectionKind>(i.Kind, "kind: unknown event");

        SideEffectKind? effect = null;
        if (kind == InjectionKind.SideEffect)
        {
            effect = SideEffectKinds.TryParse(i.SideEffect ?? string.Empty, out var e) ? e
                : throw new ArgumentException($"side_effect: '{i.SideEffect}' is not a side effect (known: {string.Join(", ", SideEffectKinds.All.Select(SideEffectKinds.Name))})");
            if (i.Grade is not (>= 1 and <= 3))
            {
                throw new ArgumentException("grade: a side-effect event needs a grade of 1 (mild), 2 (moderate) or 3 (severe)");
            }
        }

        if (kind is InjectionKind.SideEffect or InjectionKind.VitalsChange or InjectionKind.ProbeOff && !(i.DurationH > 0 && i.DurationH <= 24 * 14))
        {
            throw new ArgumentException($"duration_h: a {i.Kind} event lasts more than 0 and at most 336 h, not {i.DurationH}");
        }

        return new Injection(kind, effect, (SideEffectGrade?)i.Grade, i.DurationH, i.HrChangePerMin, i.SbpChangeMmHg, i.Spo2ChangePercent, i.RrChangePerMin);
    }

    public static InjectionInput ToInput(this Injection i) =>
        new(DataJson.EnumName(i.Kind), i.SideEffect is { } e ? SideEffectKinds.Name(e) : null, (int?)i.Grade, i.DurationH, i.HrChangePerMin, i.SbpChangeMmHg, i.Spo2ChangePercent, i.RrChangePerMin);

    public static PatientOverrides? ToModel(this AdmissionOverrides? o) =>
        o is null ? null : new PatientOverrides(o.WeightKg, o.BaselineNrs, o.AnalgesicResponder, o.SideEffectThresholdsNgPerMl, o.RestingSpo2Percent);

    public static AdmissionOverrides? ToInput(this PatientOverrides? o) =>
        o is null ? null : new AdmissionOverrides(o.WeightKg, o.BaselineNrs, o.AnalgesicResponder, o.SideEffectThresholdsNgPerMl, o.RestingSpo2Percent);
}
