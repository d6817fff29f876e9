using WardTwin.Model.Parameters;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Training;

/// <summary>What a scenario event does to its bed's patient (a new admission acts on the ward instead: null).</summary>
public static class ScenarioEventInjection
{
    public static Injection? ToInjection(this ScenarioEvent e) => e.Kind switch
    {
        ScenarioEventKind.SideEffect => new Injection(InjectionKind.SideEffect,
            SideEffectKinds.TryParse(e.SideEffect ?? string.Empty, out var kind) ? kind : throw new ArgumentException($"event {e.Id}: unknown side effect '{e.SideEffect}'"),
            e.Grade, e.DurationH ?? 0),
        ScenarioEventKind.VitalsChange => new Injection(InjectionKind.VitalsChange, DurationH: e.DurationH ?? 0,
            HrChangePerMin: e.HrChangePerMin ?? 0, SbpChangeMmHg: e.SbpChangeMmHg ?? 0, Spo2ChangePercent: e.Spo2ChangePercent ?? 0,
            RrChangePerMin: e.RrChangePerMin ?? 0),
        ScenarioEventKind.Occlusion => new Injection(InjectionKind.Occlusion),
        ScenarioEventKind.BagEmpty => new Injection(InjectionKind.BagEmpty),
        ScenarioEventKind.ProbeOff => new Injection(InjectionKind.ProbeOff, DurationH: e.DurationH ?? 0),
        ScenarioEventKind.AsksToStop => new Injection(InjectionKind.AsksToStop),
        _ => null,
    };
}
