using System.Text.Json.Serialization;
using WardTwin.Model.Data;
using WardTwin.Model.Parameters;

namespace WardTwin.Model.Calibration;

/// <summary>A targets file (data/calibration/targets.json, or a hospital's own): the targets, the parameters calibrate may fit, and the seed and size it fits with.</summary>
public sealed record CalibrationTargetFile(
    [property: JsonRequired] IReadOnlyList<CalibrationTarget> Targets,
    [property: JsonRequired] IReadOnlyList<string> FitParameters,
    long Seed = 1,
    int Patients = 2000,
    string? Description = null)
{
    /// <summary>Where the file was read from, for errors.</summary>
    [JsonIgnore]
    public string Path { get; init; } = "(targets)";

    public static CalibrationTargetFile Load(string path)
    {
        var file = DataJson.Read<CalibrationTargetFile>(path) with { Path = path };
        if (file.Patients < 1)
        {
            throw new DataFileException(path, "patients", $"must be >= 1, is {file.Patients}");
        }

        for (int i = 0; i < file.Targets.Count; i++)
        {
            var t = file.Targets[i];
            string? problem = t.Interval switch
            {
                IntervalKind.Wilson or IntervalKind.MedianBinomial => t.N is > 0 ? null : "needs n > 0 (the published number of patients)",
                IntervalKind.MeanSd => t.N is > 0 && t.Dispersion is >= 0 ? null : "needs n > 0 and dispersion >= 0 (the published SD)",
                IntervalKind.MeanSem => t.Dispersion is >= 0 ? null : "needs dispersion >= 0 (the published SEM)",
                IntervalKind.Range => t.Low is not null && t.High is not null && t.Low <= t.High ? null : "needs low and high with low <= high",
                _ => "is not a known interval kind",
            };
            if (problem is not null)
            {
                throw new DataFileException(path, $"targets[{i}]", $"'{t.Name}': interval '{DataJson.EnumName(t.Interval)}' {problem}");
            }

            if (t.Versus is not null && t.Interval == IntervalKind.MedianBinomial)
            {
                throw new DataFileException(path, $"targets[{i}].versus", $"'{t.Name}': a difference between two protocols cannot be judged by the binomial rule for a median");
            }

            if (!TargetStatistics.Known(t.Statistic))
            {
                throw new DataFileException(path, $"targets[{i}].statistic", $"unknown statistic '{t.Statistic}'; known: {string.Join(", ", TargetStatistics.Names)}");
            }
        }

        return file;
    }

    /// <summary>
    /// Checks the file against the catalog and a parameter file before anything is simulated: every
    /// protocol exists; every parameter to fit exists once, may be fitted (assumed, or sourced with a
    /// published interval) and has bounds to stay in; fitting needs at least one.
    /// </summary>
    public void Validate(DataCatalog catalog, ParameterFile parameters, bool fitting)
    {
        for (int i = 0; i < Targets.Count; i++)
        {
            try
            {
                _ = catalog.ResolveProtocolPath(Targets[i].Protocol);
            }
            catch (DataFileException ex)
            {
                throw new DataFileException(Path, $"targets[{i}].protocol", $"'{Targets[i].Protocol}': {ex.Reason}");
            }

            if (Targets[i].Versus is { } versus)
            {
                try
                {
                    _ = catalog.ResolveProtocolPath(versus);
                }
                catch (DataFileException ex)
                {
                    throw new DataFileException(Path, $"targets[{i}].versus", $"'{versus}': {ex.Reason}");
                }
            }
        }

        if (fitting && FitParameters.Count == 0)
        {
            throw new DataFileException(Path, "fit_parameters", "is empty: name at least one parameter to fit (or use --evaluate-only)");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < FitParameters.Count; i++)
        {
            string name = FitParameters[i];
            string field = $"fit_parameters[{i}]";
            if (!seen.Add(name))
            {
                throw new DataFileException(Path, field, $"'{name}' is named twice");
            }

            if (!parameters.Entries.TryGetValue(name, out var entry))
            {
                throw new DataFileException(Path, field, $"'{name}' is not a parameter of {parameters.Path}");
            }

            if (!entry.Fittable)
            {
                throw new DataFileException(Path, field, $"'{name}' is a sourced value in {parameters.Path}: calibrate never fits it (a sourced value with a published interval may be fitted within it: fit_within_published_interval with min and max)");
            }

            if (entry.Min is null || entry.Max is null)
            {
                throw new DataFileException(Path, field, $"'{name}' has no min and max in {parameters.Path}: calibrate fits only within stated bounds");
            }
        }
    }
}
