using WardTwin.Model.Cohorts;
using WardTwin.Model.Parameters;
using WardTwin.Model.Pk;
using WardTwin.Model.Protocols;
using WardTwin.Model.Randomness;

namespace WardTwin.Model.Simulation;

/// <summary>Draws virtual patients for a protocol's cohort; patient i depends only on (seed, i).</summary>
public sealed class PatientSampler(Cohort cohort, ModelParameters parameters, Arm arm)
{
    private readonly (double Mu, double Sigma) _baseline = LatentScore.Fit(cohort.BaselineNrs);

    public VirtualPatient Sample(long seed, int index)
    {
        var pop = parameters.Population;
        var demo = SeededRandom.For(seed, index, StreamPurpose.Demographics);
        bool female = demo.NextDouble() < (cohort.FemaleFraction?.Value ?? pop.FemaleFraction);
        double age = Draw(ref demo, cohort.AgeYears, pop.AgeMeanYears, pop.AgeSdYears, pop.AgeMinYears, pop.AgeMaxYears);
        double weight = Draw(ref demo, cohort.WeightKg, pop.WeightMeanKg, pop.WeightSdKg, pop.WeightMinKg, pop.WeightMaxKg);
        // The latent score is in the cohort's published measure; the model's baseline is current pain.
        double latent = _baseline.Mu + (_baseline.Sigma * demo.NextNormal());
        double nrs0 = Math.Clamp(latent - parameters.Pain.Offset(cohort.BaselineMeasure), 0, 10);
        double duration = DrawDuration(ref demo, cohort.DiseaseDurationYears);

        var iiv = SeededRandom.For(seed, index, StreamPurpose.Variability);
        var pk = parameters.Pk;
        double wRatio = weight / pk.ReferenceWeightKg;
        double clScale = Math.Pow(wRatio, pk.ClearanceWeightExponent) * (female ? pk.FemaleClFactor : 1.0);
        double vScale = Math.Pow(wRatio, pk.VolumeWeightExponent);
        double clEta = Math.Exp(pk.ClOmega * iiv.NextNormal());
        double vcEta = Math.Exp(pk.VcOmega * iiv.NextNormal());
        double vp1Eta = Math.Exp(pk.Vp1Omega * iiv.NextNormal());
        double clS = pk.ClLPerH * clScale * clEta;
        var patientPk = new PatientPk(
            clS, clS * pk.RClRatio,
            pk.VcL * vScale * vcEta,
            pk.Q1LPerH * Math.Pow(wRatio, pk.ClearanceWeightExponent), pk.Vp1L * vScale * vp1Eta,
            pk.Q2LPerH * Math.Pow(wRatio, pk.ClearanceWeightExponent), pk.Vp2L * vScale,
            pk.NorketamineFm, pk.NorketamineClLPerH * clScale, pk.NorketamineVL * vScale);

        var pain = parameters.Pain;
        double ke0HalfLifeH = pain.Ke0HalfLifeDays * 24.0 * Math.Exp(pain.Ke0Omega * iiv.NextNormal());
        double c50 = pain.C50NgPerMl * Math.Exp(pain.C50Omega * iiv.NextNormal());
        double ke0Fast = Math.Log(2) / (parameters.SideEffects.Ke0HalfLifeMin / 60.0);

        var response = SeededRandom.For(seed, index, StreamPurpose.Response);
        double uAnalgesic = response.NextDouble();
        double uPlacebo = response.NextDouble();
        bool analgesic = arm == Arm.Active && uAnalgesic < pain.ResponderPKetamine;
        bool placebo = !analgesic && uPlacebo < pain.ResponderPPlacebo;

        var se = SeededRandom.For(seed, index, StreamPurpose.SideEffectThresholds);
        var thresholds = new double[SideEffectKinds.Count];
        for (int k = 0; k < thresholds.Length; k++)
        {
            var t = parameters.SideEffects.Types[k];
            thresholds[k] = t.ThresholdNgPerMl * Math.Exp(t.Omega * se.NextNormal());
        }

        var vit = SeededRandom.For(seed, index, StreamPurpose.Vitals);
        var vp = parameters.Vitals;
        var vitals = new VitalsBaseline(
            vit.NextNormal(vp.HrMean, vp.HrSd),
            vit.NextNormal(vp.SbpMean, vp.SbpSd),
            vit.NextNormal(vp.DbpMean, vp.DbpSd),
            vp.Spo2Min + ((vp.Spo2Max - vp.Spo2Min) * vit.NextDouble()),
            vit.NextNormal(vp.RrMean, vp.RrSd));

        return new VirtualPatient(index, seed, female, age, weight, nrs0, duration, patientPk,
            Math.Log(2) / ke0HalfLifeH, ke0Fast, c50, analgesic, placebo, thresholds, vitals, cohort.BaselineMeasure);
    }

    private static double Draw(ref SeededRandom r, Distribution? d, double mean, double sd, double min, double max)
    {
        double lo = d?.Min ?? min, hi = d?.Max ?? max;
        if (d is null)
        {
            return r.NextTruncatedNormal(mean, sd, lo, hi);
        }

        // A median and IQR of a roughly symmetric score: a normal with SD = IQR / 1.349.
        return d.Mean is { } m
            ? r.NextTruncatedNormal(m, d.Sd!.Value, lo, hi)
            : r.NextTruncatedNormal(d.Median!.Value, d.Iqr!.Value / 1.349, lo, hi);
    }

    private static double DrawDuration(ref SeededRandom r, Distribution? d)
    {
        if (d is null)
        {
            return double.NaN;
        }

        if (d.Mean is { } m)
        {
            return r.NextTruncatedNormal(m, d.Sd!.Value, d.Min ?? 0, d.Max ?? 80);
        }

        // Durations are skewed: a log-normal whose quartiles straddle the median with the reported IQR.
        double med = d.Median!.Value;
        double sigma = Statistics.SkewedQuartiles.LogSigma(med, d.Iqr!.Value);
        return Math.Clamp(med * Math.Exp(sigma * r.NextNormal()), d.Min ?? 0, d.Max ?? 80);
    }
}
