using WardTwin.Model.Parameters;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Pd;

/// <summary>True and reported pain (card section 3): sigmoid Emax on the slow effect site, placebo relief, noisy whole-number reports.</summary>
public sealed class PainModel(PainParameters p)
{
    public double TrueNrs(VirtualPatient patient, double slowEffectNgPerMl, double placeboRelief)
    {
        double nrs0 = patient.BaselineNrs;
        if (patient.AnalgesicResponder)
        {
            double ce = Math.Max(slowEffectNgPerMl, 0);
            double h = p.Gamma == 1 ? ce / (patient.C50NgPerMl + ce) : Hill(ce, patient.C50NgPerMl, p.Gamma);
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

    public static int Report(double trueNrs, double noise) =>
        (int)Math.Clamp(Math.Round(trueNrs + noise, MidpointRounding.AwayFromZero), 0, 10);

    public bool NoticesRelief(VirtualPatient patient, int reportedNrs) => reportedNrs <= patient.BaselineNrs - p.NoticeDropPoints;

    private static double Hill(double ce, double c50, double gamma)
    {
        double a = Math.Pow(ce, gamma);
        return a / (Math.Pow(c50, gamma) + a);
    }
}
