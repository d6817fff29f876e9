using WardTwin.Model.Simulation;

namespace WardTwin.Grains;

/// <summary>What the bedside shows of a walk (its state, the pump's screen, a chart point), built one way for the pages' calls and the pushes.</summary>
internal static class BedsideViews
{
    /// <param name="eventCount">How many events the walk has logged (a page fetches the log when it grows).</param>
    public static PatientStateNow StateNow(PatientAdmission admitted, Admission walk, int eventCount = 0)
    {
        var c = walk.ConcentrationsNow;
        var v = walk.ExpectedVitals();
        var grades = walk.CurrentSideEffects().ToDictionary(p => p.Key, p => (int)p.Value, StringComparer.Ordinal);
        var since = walk.SideEffectsSinceReview().ToDictionary(p => p.Key, p => (int)p.Value, StringComparer.Ordinal);
        double? review = walk.NextReviewH is { } r ? admitted.AdmittedAtH + r : null;
        double? lastReview = walk.LastReviewH is { } lr ? admitted.AdmittedAtH + lr : null;
        return new PatientStateNow(admitted.AdmittedAtH + walk.ClockH, c.SKetamineNgPerMl, c.FastEffectNgPerMl, c.SlowEffectNgPerMl, grades,
            v.HrPerMin, v.SbpMmHg, v.Spo2Percent, walk.TreatmentEnded, review, walk.Pump.RateMgPerH, walk.Pump.State.ToString().ToLowerInvariant(),
            walk.Programme.HardMaxMgPerH, walk.LastReportedNrs, walk.LastNoticedRelief, since, [.. walk.RuleInputsNow().AlarmsSinceLastReview.Select(Model.Training.AlarmWords.Of)], lastReview, eventCount);
    }

    /// <param name="log">The pump's recent log lines (a replay makes them; a push goes without).</param>
    public static PumpView Pump(Admission walk, IReadOnlyList<string> log)
    {
        var p = walk.Pump;
        var (deliveredMg, remainingMl, vtbiRemaining) = p.ProjectedAt(walk.ClockH);
        return new PumpView(
            p.State.ToString().ToLowerInvariant(), p.RateMgPerH, p.DeliveredRateMgPerH, deliveredMg, remainingMl, p.NearEmpty,
            p.Programme.HardMaxMgPerH, p.Programme.SoftMaxMgPerH, p.Programme.Product, vtbiRemaining, log, walk.PumpRevision,
            p.Programme.ConcentrationMgPerMl, p.VtbiMl, deliveredMg / p.Programme.ConcentrationMgPerMl);
    }

    /// <summary>The truth curve a monitor samples from (exact until the walk's next event), in ward hours, with the ward's clock.</summary>
    public static TruthFeed Truth(PatientAdmission admitted, Admission walk, WardClockView clock)
    {
        double offset = admitted.AdmittedAtH;
        var c = walk.TruthCurve();
        var b = c.Baseline;
        return new TruthFeed(offset + c.FromH, c.FastSteadyNgPerMl, c.ModeCoefficients, c.ModeRatesPerH,
            b.HrPerMin, b.SbpMmHg, b.DbpMmHg, b.Spo2Percent, b.RrPerMin,
            offset + c.ClonidineUntilH, offset + c.LastMidazolamH, c.TreatmentEnded, clock,
            c.Shift is { } s ? new VitalsShiftInput(s.HrPerMin, s.SbpMmHg, s.DbpMmHg, s.Spo2Percent, offset + s.UntilH, s.RrPerMin, s.ExtraAaMmHg, s.ReferenceFastNgPerMl) : null,
            offset + c.ProbeOffUntilH,
            c.Breathing is { } br ? new BreathingInput(br.WeightKg, [.. br.Midazolam.TimesH.Select(h => offset + h)], br.Midazolam.Mg,
                [.. br.Flumazenil.TimesH.Select(h => offset + h)], br.Flumazenil.Mg, br.OxygenLPerMin, br.Spo2DeltaAtFromH, br.RestingSpo2OnAirPercent) : null,
            (int)walk.Devices);
    }

    /// <summary>Whether a monitor must hear of a new curve: the curve or the clock it reads changed (whether pages watch does not count).</summary>
    public static bool TruthChanged(TruthFeed a, TruthFeed b)
    {
        var (x, y) = (a.Clock, b.Clock);
        bool clock = x.AnchorUnixMs != y.AnchorUnixMs || x.AnchorH != y.AnchorH || x.TimeScale != y.TimeScale || x.Running != y.Running
            || (double.IsPositiveInfinity(y.TimeScale) && x.LatestH != y.LatestH);
        return clock || a.FromH != b.FromH || a.TreatmentEnded != b.TreatmentEnded || a.LastMidazolamH != b.LastMidazolamH || a.FastSteadyNgPerMl != b.FastSteadyNgPerMl
            || a.Shift != b.Shift || a.ProbeOffUntilH != b.ProbeOffUntilH || a.Devices != b.Devices || !SameBreathing(a.Breathing, b.Breathing);
    }

    private static bool SameBreathing(BreathingInput? a, BreathingInput? b)
    {
        if (a is null || b is null)
        {
            return ReferenceEquals(a, b);
        }

        return a.OxygenLPerMin == b.OxygenLPerMin && a.Spo2DeltaAtFromH == b.Spo2DeltaAtFromH
            && a.MidazolamTimesH.SequenceEqual(b.MidazolamTimesH) && a.FlumazenilTimesH.SequenceEqual(b.FlumazenilTimesH);
    }

    /// <summary>The patient as the bedside and the charts see them, with the event log a replay made.</summary>
    public static PatientSnapshot Snapshot(string admissionId, PatientAdmission a, Admission walk, IReadOnlyList<string> log, string activation)
    {
        var c = walk.ConcentrationsNow;
        return new PatientSnapshot(
            admissionId, a.ProtocolId, a.AdmittedAtH + walk.ClockH, walk.ClockH,
            c.SKetamineNgPerMl, c.RKetamineNgPerMl, c.SNorketamineNgPerMl, c.RNorketamineNgPerMl, c.SlowEffectNgPerMl, c.FastEffectNgPerMl,
            walk.DeliveredRateMgPerH, walk.ProtocolRate, walk.LastReportedNrs, walk.TreatmentEnded, log,
            walk.CurrentSideEffects().ToDictionary(p => p.Key, p => p.Value.ToString().ToLowerInvariant(), StringComparer.Ordinal),
            activation);
    }

    public static PatientHistoryPoint Point(double wardTimeH, Admission walk)
    {
        var c = walk.ConcentrationsNow;
        var v = walk.ExpectedVitals();
        return new PatientHistoryPoint(wardTimeH, (float)walk.DeliveredRateMgPerH, (float)c.SKetamineNgPerMl, (float)c.RKetamineNgPerMl,
            (float)(c.SNorketamineNgPerMl + c.RNorketamineNgPerMl), (float)c.SlowEffectNgPerMl, (float)c.FastEffectNgPerMl, walk.LastReportedNrs,
            (byte)walk.CurrentSideEffects().Values.Max(), (float)v.HrPerMin, (float)v.SbpMmHg, (float)v.Spo2Percent, (float)v.RrPerMin,
            (byte)walk.CurrentSideEffects()["drowsiness"]);
    }
}
