using WardTwin.Model.Simulation;

namespace WardTwin.Grains;

/// <summary>What the bedside shows of a walk (its state, the pump's screen, a chart point), built one way for the pages' calls and the pushes.</summary>
internal static class BedsideViews
{
    public static PatientStateNow StateNow(PatientAdmission admitted, Admission walk)
    {
        var c = walk.ConcentrationsNow;
        var v = walk.ExpectedVitals();
        var grades = walk.CurrentSideEffects().ToDictionary(p => p.Key, p => (int)p.Value, StringComparer.Ordinal);
        double? review = walk.NextReviewH is { } r ? admitted.AdmittedAtH + r : null;
        return new PatientStateNow(admitted.AdmittedAtH + walk.ClockH, c.SKetamineNgPerMl, c.FastEffectNgPerMl, c.SlowEffectNgPerMl, grades,
            v.HrPerMin, v.SbpMmHg, v.Spo2Percent, walk.TreatmentEnded, review, walk.Pump.RateMgPerH, walk.Pump.State.ToString().ToLowerInvariant(),
            walk.Programme.HardMaxMgPerH);
    }

    /// <param name="log">The pump's recent log lines (a replay makes them; a push goes without).</param>
    public static PumpView Pump(Admission walk, IReadOnlyList<string> log)
    {
        var p = walk.Pump;
        var (deliveredMg, remainingMl, vtbiRemaining) = p.ProjectedAt(walk.ClockH);
        return new PumpView(
            p.State.ToString().ToLowerInvariant(), p.RateMgPerH, p.DeliveredRateMgPerH, deliveredMg, remainingMl, p.NearEmpty,
            p.Programme.HardMaxMgPerH, p.Programme.SoftMaxMgPerH, p.Programme.Product, vtbiRemaining, log, walk.PumpRevision);
    }

    public static PatientHistoryPoint Point(double wardTimeH, Admission walk)
    {
        var c = walk.ConcentrationsNow;
        var v = walk.ExpectedVitals();
        return new PatientHistoryPoint(wardTimeH, (float)walk.DeliveredRateMgPerH, (float)c.SKetamineNgPerMl, (float)c.RKetamineNgPerMl,
            (float)(c.SNorketamineNgPerMl + c.RNorketamineNgPerMl), (float)c.SlowEffectNgPerMl, (float)c.FastEffectNgPerMl, walk.LastReportedNrs,
            (byte)walk.CurrentSideEffects().Values.Max(), (float)v.HrPerMin, (float)v.SbpMmHg, (float)v.Spo2Percent);
    }
}
