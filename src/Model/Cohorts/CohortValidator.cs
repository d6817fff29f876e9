using WardTwin.Model.Data;

namespace WardTwin.Model.Cohorts;

/// <summary>Checks that each distribution can be sampled and each fraction is a fraction.</summary>
public static class CohortValidator
{
    public static void Validate(Cohort c, string file)
    {
        Check(c.BaselineNrs, "baseline_nrs", file, required: true);
        Check(c.AgeYears, "age_years", file, required: false);
        Check(c.WeightKg, "weight_kg", file, required: false);
        Check(c.DiseaseDurationYears, "disease_duration_years", file, required: false);
        foreach (var (d, field) in new[] { (c.AgeYears, "age_years"), (c.WeightKg, "weight_kg"), (c.DiseaseDurationYears, "disease_duration_years") })
        {
            if (d?.Measure is not null)
            {
                throw new DataFileException(file, field + ".measure", "only baseline_nrs is a pain score with a measure");
            }
        }

        try
        {
            _ = LatentScore.Fit(c.BaselineNrs);
        }
        catch (ArgumentException ex)
        {
            throw new DataFileException(file, "baseline_nrs", ex.Message);
        }
        if (c.FemaleFraction is { Value: < 0 or > 1 })
        {
            throw new DataFileException(file, "female_fraction.value", "must be within 0..1");
        }

        if (c.ReportedN is <= 0)
        {
            throw new DataFileException(file, "reported_n", "must be > 0");
        }
    }

    private static void Check(Distribution? d, string field, string file, bool required)
    {
        if (d is null)
        {
            if (required)
            {
                throw new DataFileException(file, field, "missing");
            }

            return;
        }

        bool meanSd = d.Mean is not null && d.Sd is not null;
        bool medianIqr = d.Median is not null && d.Iqr is not null;
        if (meanSd == medianIqr)
        {
            throw new DataFileException(file, field, "give either mean and sd, or median and iqr");
        }

        if (d.Sd is < 0 || d.Iqr is < 0)
        {
            throw new DataFileException(file, field, "sd and iqr must be >= 0");
        }

        if (d.Min is { } lo && d.Max is { } hi && lo > hi)
        {
            throw new DataFileException(file, field, $"min {lo} is above max {hi}");
        }
    }
}
