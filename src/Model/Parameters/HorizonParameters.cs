namespace WardTwin.Model.Parameters;

/// <summary>
/// Years after the first course (economics.md): when relief counts as lost, who takes another course and how soon,
/// and what a day in pain or with side effects is worth. Dixon 2011's decrements are the default NRS-to-utility
/// mapping; the linear map is the sensitivity analysis.
/// </summary>
public sealed record HorizonParameters(
    double LossMarginNrs,
    double RetreatmentUptake,
    double RetreatmentWaitWeeks,
    IReadOnlyList<double> DixonLossByNrs,
    double DixonAnchorAtNrs0,
    double LinearAtNrs0,
    double LinearLossPerNrsPoint,
    double NauseaDisutility,
    double PsychotomimeticDisutility)
{
    internal static HorizonParameters Read(ParameterReader p) => new(
        p["retreatment.loss_margin_nrs"],
        p.Fraction("retreatment.uptake"),
        p["retreatment.wait_weeks"],
        [.. Enumerable.Range(1, 10).Select(n => p.Fraction($"economics.dixon_loss_nrs_{n}"))],
        p.Fraction("economics.dixon_anchor_at_nrs_0"),
        p.Fraction("economics.utility_at_nrs_0"),
        p["economics.utility_loss_per_nrs_point"],
        p.Fraction("economics.nausea_disutility"),
        p.Fraction("economics.psychotomimetic_disutility"));
}
