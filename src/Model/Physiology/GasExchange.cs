using WardTwin.Model.Parameters;

namespace WardTwin.Model.Physiology;

/// <summary>
/// From ventilation and inspired oxygen to saturation: PaCO2 rises as alveolar ventilation falls (inversely, CO2 output
/// held), the alveolar gas equation gives PAO2, the A-a gradient PaO2, and Severinghaus's curve the saturation.
/// </summary>
public sealed class GasExchange(BreathingParameters p)
{
    /// <summary>Inspired oxygen fraction with nasal-cannula oxygen at <paramref name="oxygenLPerMin"/>.</summary>
    public double Fio2(double oxygenLPerMin) => Math.Min(1, p.Fio2RoomAir + (p.Fio2PerLPerMin * Math.Max(0, oxygenLPerMin)));

    /// <param name="ventilationFraction">Alveolar ventilation as a share of the patient's resting one.</param>
    /// <param name="extraAaMmHg">A-a gradient beyond the normal one (an injected desaturation: shunt or V/Q mismatch).</param>
    public double ArterialPo2MmHg(double ventilationFraction, double fio2, double extraAaMmHg = 0)
    {
        double paCo2 = p.PaCo2MmHg / Math.Max(ventilationFraction, 0);
        double pAo2 = (fio2 * (p.BarometricMmHg - p.WaterVapourMmHg)) - (paCo2 / p.RespiratoryQuotient);
        return Math.Max(0, pAo2 - p.AaGradientMmHg - extraAaMmHg);
    }

    /// <summary>Severinghaus 1979: saturation (%) at a PO2.</summary>
    public double SaturationPercent(double po2MmHg)
    {
        double x = Math.Max(po2MmHg, 0);
        return x <= 0 ? 0 : 100 / ((p.OdcA / ((x * x * x) + (p.OdcB * x))) + 1);
    }

    /// <summary>The PO2 that gives a saturation (the curve inverted with MathNet's Brent root finder).</summary>
    public double Po2ForSaturation(double percent)
    {
        double s = Math.Clamp(percent, 1e-6, 100 - 1e-6);
        return MathNet.Numerics.RootFinding.Brent.FindRoot(x => SaturationPercent(x) - s, 1e-9, 1e4, 1e-9, 200);
    }
}
