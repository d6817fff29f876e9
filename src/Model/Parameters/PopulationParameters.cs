namespace WardTwin.Model.Parameters;

/// <summary>Defaults for what a cohort leaves open (model card section 1).</summary>
public sealed record PopulationParameters(
    double FemaleFraction,
    double AgeMeanYears, double AgeSdYears, double AgeMinYears, double AgeMaxYears,
    double WeightMeanKg, double WeightSdKg, double WeightMinKg, double WeightMaxKg)
{
    internal static PopulationParameters Read(ParameterReader p) => new(
        p.Fraction("population.female_fraction"),
        p["population.age_mean_years"], p.Positive("population.age_sd_years"), p["population.age_min_years"], p["population.age_max_years"],
        p.Positive("population.weight_mean_kg"), p.Positive("population.weight_sd_kg"), p.Positive("population.weight_min_kg"), p.Positive("population.weight_max_kg"));
}
