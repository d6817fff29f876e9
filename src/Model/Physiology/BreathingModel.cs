using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Physiology;

/// <summary>
/// One patient's breathing and sedation from midazolam (less what flumazenil antagonises), ketamine's small part, nasal
/// oxygen and an injected disturbance: the respiratory rate now, and SpO2 following the ventilation with its lag.
/// </summary>
public sealed class BreathingModel
{
    private readonly PhysiologyParameters _p;
    private readonly BreathingParameters _b;
    private readonly DrugResponses _drugs;
    private readonly GasExchange _gas;
    private readonly SedationScale _sedation;
    private readonly double _restingSaturation;
    private BreathingState? _cacheOwner;
    private LagCache _cache = LagCache.Empty;

    /// <param name="restingSpo2OnAirPercent">A patient with lungs of their own: the A-a gradient is the one that gives this saturation
    /// at rest on air (alveolar gas equation and Severinghaus's curve inverted); null keeps the parameter file's.</param>
    public BreathingModel(PhysiologyParameters p, PkParameters pk, double weightKg, double? restingSpo2OnAirPercent = null)
    {
        _p = p;
        _b = restingSpo2OnAirPercent is { } own ? p.Breathing with { AaGradientMmHg = OwnAaGradient(p.Breathing, own) } : p.Breathing;
        WeightKg = weightKg;
        RestingSpo2OnAirPercent = restingSpo2OnAirPercent;
        _drugs = new DrugResponses(p, pk, weightKg);
        _gas = new GasExchange(_b);
        _sedation = new SedationScale(p.Sedation);
        _restingSaturation = _gas.SaturationPercent(_gas.ArterialPo2MmHg(1, _gas.Fio2(0)));
    }

    public double WeightKg { get; }

    public double? RestingSpo2OnAirPercent { get; }

    /// <summary>The patient's A-a gradient (mmHg).</summary>
    public double AaGradientMmHg => _b.AaGradientMmHg;

    public GasExchange Gas => _gas;

    /// <summary>Midazolam at the effect site as the receptors see it: competitive antagonism divides it by 1 + flumazenil / Ki.</summary>
    public double EffectiveMidazolamNgPerMl(BreathingState s, double timeH)
    {
        double midazolam = _drugs.Midazolam.EffectNgPerMl(s.Midazolam, timeH);
        double flumazenil = _drugs.Flumazenil.EffectNgPerMl(s.Flumazenil, timeH);
        return midazolam / (1 + (flumazenil / _p.Flumazenil.KiNgPerMl));
    }

    public double MidazolamPlasmaNgPerMl(BreathingState s, double timeH) => _drugs.Midazolam.PlasmaNgPerMl(s.Midazolam, timeH);

    public double FlumazenilEffectNgPerMl(BreathingState s, double timeH) => _drugs.Flumazenil.EffectNgPerMl(s.Flumazenil, timeH);

    public int Moaas(BreathingState s, double timeH) => _sedation.Moaas(EffectiveMidazolamNgPerMl(s, timeH));

    public SideEffectGrade SedationGrade(BreathingState s, double timeH) => _sedation.Grade(Moaas(s, timeH));

    /// <summary>The ventilatory drive left (1 = resting) under midazolam's and ketamine's depression.</summary>
    public double Drive(BreathingState s, double timeH, double fastEffectNgPerMl)
    {
        double c = EffectiveMidazolamNgPerMl(s, timeH), k = Math.Max(fastEffectNgPerMl, 0);
        double cg = Math.Pow(c, _b.MidazolamDriveGamma);
        double midazolam = _b.MidazolamDriveEmax * cg / (Math.Pow(_b.MidazolamDriveC50NgPerMl, _b.MidazolamDriveGamma) + cg);
        double ketamine = _b.KetamineDriveEmax * k / (_b.KetamineDriveC50NgPerMl + k);
        return (1 - midazolam) * (1 - ketamine);
    }

    /// <summary>Respiratory rate and alveolar ventilation (share of resting) now; an injected rate change moves ventilation with it.</summary>
    public (double RrPerMin, double VentilationFraction) Ventilation(double restingRrPerMin, double drive, double injectedRrPerMin)
    {
        double drugRr = restingRrPerMin * (1 - (_b.RrShareOfDrive * (1 - drive)));
        double rr = Math.Max(0, drugRr + injectedRrPerMin);
        return (rr, drugRr > 0 ? drive * rr / drugRr : 0);
    }

    /// <summary>The saturation the lungs would settle at (difference from rest, % points), before the lag.</summary>
    public double Spo2DeltaTarget(double ventilationFraction, double oxygenLPerMin, double extraAaMmHg) =>
        _gas.SaturationPercent(_gas.ArterialPo2MmHg(ventilationFraction, _gas.Fio2(oxygenLPerMin), extraAaMmHg)) - _restingSaturation;

    /// <summary>The extra A-a gradient that lowers the saturation now by <paramref name="dropPercent"/> points (an injected desaturation).</summary>
    public double ExtraAaForDrop(double ventilationFraction, double oxygenLPerMin, double dropPercent)
    {
        double po2 = _gas.ArterialPo2MmHg(ventilationFraction, _gas.Fio2(oxygenLPerMin));
        return po2 - _gas.Po2ForSaturation(_gas.SaturationPercent(po2) - dropPercent);
    }

    /// <summary>
    /// The vital signs of <paramref name="v"/> (the card's model, without its fixed midazolam dip) with this model's
    /// rate and lagged saturation, and an injected change scaled by how much of the drug's fast effect is left.
    /// </summary>
    public VitalSigns Apply(VitalSigns v, VitalsCurve curve, BreathingState s, double timeH, double restingSpo2Percent)
    {
        double rr = RrAt(curve, s, timeH, out _);
        double delta = FirstOrderLag.Advance(s.Spo2DeltaAtFromH, curve.FromH, timeH, _b.Spo2LagMin / 60, t => DeltaTarget(curve, s, t), ref CacheFor(s));
        double scale = ShiftScale(curve, timeH);
        var shift = curve.Shift is { } sh && timeH < sh.UntilH ? sh : null;
        return v with
        {
            HrPerMin = v.HrPerMin + ((shift?.HrPerMin ?? 0) * scale),
            SbpMmHg = v.SbpMmHg + ((shift?.SbpMmHg ?? 0) * scale),
            DbpMmHg = v.DbpMmHg + ((shift?.DbpMmHg ?? 0) * scale),
            RrPerMin = rr,
            Spo2Percent = Math.Clamp(restingSpo2Percent + delta, 0, 100),
        };
    }

    /// <summary>The lagged SpO2 difference at <paramref name="timeH"/> (what the walk carries to its next curve).</summary>
    public double Spo2DeltaAt(VitalsCurve curve, BreathingState s, double timeH) =>
        FirstOrderLag.Advance(s.Spo2DeltaAtFromH, curve.FromH, timeH, _b.Spo2LagMin / 60, t => DeltaTarget(curve, s, t), ref CacheFor(s));

    private double RrAt(VitalsCurve curve, BreathingState s, double timeH, out double ventilation)
    {
        double drive = Drive(s, timeH, curve.FastEffectAt(timeH));
        double injected = curve.Shift is { } sh && timeH < sh.UntilH ? sh.RrPerMin * ShiftScale(curve, timeH) : 0;
        (double rr, ventilation) = Ventilation(curve.Baseline.RrPerMin, drive, injected);
        return rr;
    }

    private double DeltaTarget(VitalsCurve curve, BreathingState s, double timeH)
    {
        RrAt(curve, s, timeH, out double ventilation);
        double extraAa = curve.Shift is { } sh && timeH < sh.UntilH ? sh.ExtraAaMmHg * ShiftScale(curve, timeH) : 0;
        return Spo2DeltaTarget(ventilation, s.OxygenLPerMin, extraAa);
    }

    /// <summary>An injected change belongs to the drug: it fades as the fast effect site falls below its level at the injection (pausing the pump helps).</summary>
    private static double ShiftScale(VitalsCurve curve, double timeH) =>
        curve.Shift is { ReferenceFastNgPerMl: > 0 } sh ? Math.Clamp(curve.FastEffectAt(timeH) / sh.ReferenceFastNgPerMl, 0, 1) : 1;

    private static double OwnAaGradient(BreathingParameters b, double restingSpo2Percent)
    {
        var ideal = new GasExchange(b with { AaGradientMmHg = 0 });
        double gradient = ideal.ArterialPo2MmHg(1, ideal.Fio2(0)) - ideal.Po2ForSaturation(restingSpo2Percent);
        return gradient >= 0
            ? gradient
            : throw new ArgumentOutOfRangeException(nameof(restingSpo2Percent), $"a resting SpO2 of {restingSpo2Percent} % on air is above what ideal lungs give");
    }

    private ref LagCache CacheFor(BreathingState s)
    {
        if (!ReferenceEquals(_cacheOwner, s))
        {
            (_cacheOwner, _cache) = (s, LagCache.Empty);
        }

        return ref _cache;
    }
}
