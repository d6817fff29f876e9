using WardTwin.Model.Physiology;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Vitals;

/// <summary>
/// A patient's true vital signs as a function of simulation time from one event to the next: between
/// events the rate is constant, so the fast effect site is its steady state plus a sum of decaying modes,
/// and clonidine and midazolam are known times. A bedside monitor holding it can evaluate the truth at
/// any instant on its own sampling schedule, exactly, without asking the patient.
/// </summary>
public sealed record VitalsCurve(
    double FromH,
    double FastSteadyNgPerMl,
    double[] ModeCoefficients,
    double[] ModeRatesPerH,
    VitalsBaseline Baseline,
    double ClonidineUntilH,
    double LastMidazolamH,
    bool TreatmentEnded,
    VitalsShift? Shift = null,
    double ProbeOffUntilH = double.NegativeInfinity,
    BreathingState? Breathing = null)
{
    public double FastEffectAt(double timeH)
    {
        double dt = Math.Max(0, timeH - FromH);
        double c = FastSteadyNgPerMl;
        for (int i = 0; i < ModeCoefficients.Length; i++)
        {
            c += ModeCoefficients[i] * Math.Exp(ModeRatesPerH[i] * dt);
        }

        return c;
    }

    /// <param name="breathing">The live ward's physiology (with <see cref="Breathing"/>): rate and saturation from midazolam, oxygen and
    /// ventilation instead of the card's fixed dip after midazolam. Without it (cohorts) the card's model, unchanged.</param>
    public VitalSigns At(double timeH, VitalsModel model, BreathingModel? breathing = null)
    {
        if (Breathing is { } state && breathing is not null)
        {
            // Midazolam acts through the breathing model here, not the card's fixed dip: hours since it count as never.
            var plain = model.Expected(Baseline, FastEffectAt(timeH), timeH < ClonidineUntilH, double.PositiveInfinity);
            return breathing.Apply(plain, this, state, timeH, Baseline.Spo2Percent);
        }

        var v = model.Expected(Baseline, FastEffectAt(timeH), timeH < ClonidineUntilH, timeH - LastMidazolamH);
        return Shift?.Apply(v, timeH) ?? v;
    }

    /// <summary>A scenario's loose probe: the monitor reads an artefact until then.</summary>
    public bool ProbeOffAt(double timeH) => timeH < ProbeOffUntilH;
}
