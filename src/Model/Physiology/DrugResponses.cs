using WardTwin.Model.Parameters;

namespace WardTwin.Model.Physiology;

/// <summary>Midazolam's and flumazenil's bolus responses for one patient's weight (allometric scaling as the card's ketamine).</summary>
public sealed class DrugResponses
{
    public DrugResponses(PhysiologyParameters p, PkParameters pk, double weightKg)
    {
        double w = weightKg / pk.ReferenceWeightKg;
        double clScale = Math.Pow(w, pk.ClearanceWeightExponent), vScale = Math.Pow(w, pk.VolumeWeightExponent);
        var m = p.Midazolam;
        double v1 = m.V1L * vScale, v2 = m.V2L * vScale, cl = m.ClLPerH * clScale, q = m.QLPerH * clScale;
        double ke0 = Math.Log(2) / (m.Ke0HalfLifeMin / 60);
        Midazolam = new BolusResponse(new double[,]
        {
            { -(cl + q) / v1, q / v2, 0 },
            { q / v1, -q / v2, 0 },
            { ke0 / v1, 0, -ke0 },
        }, v1, 2);

        var f = p.Flumazenil;
        double fv = f.VL * vScale, fcl = f.ClLPerH * clScale, fke0 = Math.Log(2) / (f.Ke0HalfLifeMin / 60);
        Flumazenil = new BolusResponse(new double[,]
        {
            { -fcl / fv, 0 },
            { fke0 / fv, -fke0 },
        }, fv, 1);
    }

    public BolusResponse Midazolam { get; }

    public BolusResponse Flumazenil { get; }
}
