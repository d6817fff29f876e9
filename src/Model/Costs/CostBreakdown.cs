namespace WardTwin.Model.Costs;

/// <summary>One admission's bill, itemised.</summary>
public sealed record CostBreakdown(double Beds, double Sessions, double Drug, double Nursing, double Monitoring, double FollowUp)
{
    public double Total => Beds + Sessions + Drug + Nursing + Monitoring + FollowUp;

    public static IReadOnlyList<string> ItemNames { get; } = ["beds", "sessions", "drug", "nursing", "monitoring", "follow_up"];

    public double[] Items => [Beds, Sessions, Drug, Nursing, Monitoring, FollowUp];
}
