using WardTwin.Model.Parameters;
using WardTwin.Model.Protocols;
using WardTwin.Model.Simulation;

namespace WardTwin.Model.Pd;

/// <summary>Grades each side effect from the fast effect site against the patient's thresholds (card section 4).</summary>
public sealed class SideEffectModel(SideEffectParameters p)
{
    public SideEffectGrade Grade(double fastEffectNgPerMl, double thresholdNgPerMl)
    {
        double ratio = fastEffectNgPerMl / thresholdNgPerMl;
        return ratio >= p.SevereRatio ? SideEffectGrade.Severe
            : ratio >= p.ModerateRatio ? SideEffectGrade.Moderate
            : ratio >= 1 ? SideEffectGrade.Mild
            : SideEffectGrade.None;
    }

    /// <summary>Grades now, from drug, background (nocebo) and midazolam; fills <paramref name="grades"/>.</summary>
    /// <param name="sedation">The live ward's midazolam sedation (MOAA/S mapped to a grade), in place of the card's fixed grade while midazolam acts.</param>
    /// <param name="nauseaGradesLowered">Grades an antiemetic takes off nausea now.</param>
    /// <returns>The drowsiness grade without midazolam's own drowsiness (so a report can show that apart).</returns>
    public SideEffectGrade GradeAll(VirtualPatient patient, double fastEffectNgPerMl, bool midazolamActive, ReadOnlySpan<bool> backgroundToday, Span<SideEffectGrade> grades,
        SideEffectGrade? sedation = null, int nauseaGradesLowered = 0)
    {
        var drowsinessWithoutMidazolam = SideEffectGrade.None;
        for (int k = 0; k < SideEffectKinds.Count; k++)
        {
            double threshold = patient.SideEffectThresholdsNgPerMl[k];
            var kind = (SideEffectKind)k;
            if (midazolamActive && kind is SideEffectKind.Psychotomimetic or SideEffectKind.Restlessness)
            {
                threshold *= p.MidazolamThresholdFactor;
            }

            var g = Grade(fastEffectNgPerMl, threshold);
            if (backgroundToday[k] && (int)g < p.BackgroundGrade)
            {
                g = (SideEffectGrade)p.BackgroundGrade;
            }

            if (kind == SideEffectKind.Drowsiness)
            {
                drowsinessWithoutMidazolam = g;
            }

            if (sedation is null && midazolamActive && kind == SideEffectKind.Drowsiness && (int)g < p.MidazolamDrowsinessGrade)
            {
                g = (SideEffectGrade)p.MidazolamDrowsinessGrade;
            }

            if (sedation is { } s && kind == SideEffectKind.Drowsiness && s > g)
            {
                g = s;
            }

            if (kind == SideEffectKind.Nausea && nauseaGradesLowered > 0)
            {
                g = (SideEffectGrade)Math.Max(0, (int)g - nauseaGradesLowered);
            }

            grades[k] = g;
        }

        return drowsinessWithoutMidazolam;
    }
}
