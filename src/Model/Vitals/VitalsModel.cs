using WardTwin.Model.Parameters;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Vitals;

/// <summary>The patient's true vital signs given drug and co-medication (card section 5), before noise.</summary>
public sealed class VitalsModel(VitalsParameters p)
{
    public VitalSigns Expected(VirtualPatient patient, double fastEffectNgPerMl, bool clonidineActive, double hoursSinceMidazolam) =>
        Expected(patient.Vitals, fastEffectNgPerMl, clonidineActive, hoursSinceMidazolam);

    public VitalSigns Expected(VitalsBaseline b, double fastEffectNgPerMl, bool clonidineActive, double hoursSinceMidazolam)
    {
        double c = Math.Max(fastEffectNgPerMl, 0);
        double h = c / (p.Ec50NgPerMl + c);
        double hrRise = p.HrEmaxFraction * h * (clonidineActive ? p.ClonidineHrFactor : 1);
        double mapRise = p.MapEmaxFraction * h * (clonidineActive ? p.ClonidineMapFactor : 1);
        double spo2Drop = hoursSinceMidazolam >= 0 && hoursSinceMidazolam < p.MidazolamSpo2H
            ? p.MidazolamSpo2Drop * (1 - (hoursSinceMidazolam / p.MidazolamSpo2H))
            : 0;
        return new VitalSigns(b.HrPerMin * (1 + hrRise), b.SbpMmHg * (1 + mapRise), b.DbpMmHg * (1 + mapRise), b.Spo2Percent - spo2Drop, b.RrPerMin);
    }
}
