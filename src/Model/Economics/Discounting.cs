namespace WardTwin.Model.Economics;

/// <summary>
/// Annual discounting as the guidelines tabulate it (Zorginstituut, NICE): everything in year y of the horizon (0 the
/// first) is worth 1 / (1 + r)^y of its value today.
/// </summary>
public static class Discounting
{
    public const double DaysPerYear = 365.25;

    public static double Factor(double ratePerYear, double atYears) =>
        ratePerYear == 0 ? 1 : Math.Pow(1 + ratePerYear, -Math.Floor(atYears));
}
