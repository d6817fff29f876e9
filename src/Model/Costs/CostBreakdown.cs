namespace WardTwin.Model.Costs;

/// <summary>One admission's bill, itemised; productivity and travel are non-zero only from the societal perspective.</summary>
public sealed record CostBreakdown(double Beds, double Sessions, double Drug, double CoMedication, double Nursing, double Monitoring, double FollowUp, double Productivity = 0, double Travel = 0)
{
    public double Total => Beds + Sessions + Drug + CoMedication + Nursing + Monitoring + FollowUp + Productivity + Travel;

    public static IReadOnlyList<string> ItemNames { get; } = ["beds", "sessions", "drug", "co_medication", "nursing", "monitoring", "follow_up", "productivity", "travel"];

    public double[] Items => [Beds, Sessions, Drug, CoMedication, Nursing, Monitoring, FollowUp, Productivity, Travel];
}
