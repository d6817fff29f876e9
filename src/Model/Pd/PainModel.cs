using WardTwin.Model.Parameters;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Pd;

/// <summary>True and reported pain (card section 3): sigmoid Emax on the slow effect site, placebo relief, noisy whole-number reports in a pain measure.</summary>
public sealed class PainModel(PainParameters p)
{
    // C50^gamma is the patient's own constant; a walk asks for pain scores of one patient many times.
    private double _c50 = double.NaN, _c50PowGamma;

    /// <summary>True current pain: the patient's baseline lowered by the drug (analgesic responders) or by placebo relief.</summary>
    public double TrueNrs(VirtualPatient patient, double slowEffectNgPerMl, double placeboRelief)
    {
        double nrs0 = patient.BaselineNrs;
        if (patient.AnalgesicResponder)
        {
            double ce = Math.Max(slowEffectNgPerMl, 0);
            double h = p.Gamma == 1 ? ce / (patient.C50NgPerMl + ce) : Hill(ce, patient.C50NgPerMl);
            return nrs0 * (1 - (p.Emax * h));
        }

        return patient.PlaceboResponder ? nrs0 * (1 - placeboRelief) : nrs0;
    }

    /// <summary>Placebo relief: rises during treatment, then decays with the slow effect's half-life.</summary>
    public double PlaceboRelief(VirtualPatient patient, double timeH, double treatmentEndH)
    {
        double tauH = p.PlaceboTauDays * 24.0;
        if (timeH <= treatmentEndH)
        {
            return p.PlaceboPmax * (1 - Math.Exp(-timeH / tauH));
        }

        double atEnd = p.PlaceboPmax * (1 - Math.Exp(-treatmentEndH / tauH));
        return atEnd * Math.Exp(-patient.Ke0SlowPerH * (timeH - treatmentEndH));
    }

    /// <summary>A whole-number score in <paramref name="measure"/> for true current pain, with the day's noise.</summary>
    public int Report(double trueCurrentNrs, PainMeasure measure, double noise) => Report(trueCurrentNrs + p.Offset(measure) + noise);

    /// <summary>The patient's baseline (T0) as reported in <paramref name="measure"/>: no day noise, since T0 is drawn from the cohort's published scores.</summary>
    public int Baseline(VirtualPatient patient, PainMeasure measure) => Report(patient.BaselineNrs + p.Offset(measure));

    public static int Report(double score) =>
        (int)Math.Clamp(Math.Round(score, MidpointRounding.AwayFromZero), 0, 10);

    /// <summary>Relief is noticed when a current-pain report sits the notice drop below the current baseline.</summary>
    public bool NoticesRelief(VirtualPatient patient, PainMeasure measure, int reportedNrs) =>
        reportedNrs <= Baseline(patient, measure) - p.NoticeDropPoints;

    private double Hill(double ce, double c50)
    {
        if (c50 != _c50)
        {
            _c50PowGamma = Math.Pow(c50, p.Gamma);
            _c50 = c50;
        }

        double a = Math.Pow(ce, p.Gamma);
        return a / (_c50PowGamma + a);
    }
}
