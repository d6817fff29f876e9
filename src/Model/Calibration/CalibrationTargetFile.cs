using System.Text.Json.Serialization;
using WardTwin.Model.Data;

namespace WardTwin.Model.Calibration;

/// <summary>data/calibration/targets.json: the targets, the parameters calibrate may fit, and the seed and size it fits with.</summary>
public sealed record CalibrationTargetFile(
    [property: JsonRequired] IReadOnlyList<CalibrationTarget> Targets,
    [property: JsonRequired] IReadOnlyList<string> FitParameters,
    long Seed = 1,
    int Patients = 2000,
    string? Description = null)
{
    public static CalibrationTargetFile Load(string path)
    {
        var file = DataJson.Read<CalibrationTargetFile>(path);
        for (int i = 0; i < file.Targets.Count; i++)
        {
            var t = file.Targets[i];
            bool ok = t.Interval switch
            {
                IntervalKind.Wilson or IntervalKind.MedianBinomial => t.N is > 0,
                IntervalKind.MedianIqr or IntervalKind.MeanSd => t.N is > 0 && t.Dispersion is >= 0,
                IntervalKind.MeanSem => t.Dispersion is >= 0,
                IntervalKind.Range => t.Low is not null && t.High is not null && t.Low <= t.High,
                _ => false,
            };
            if (!ok)
            {
                throw new DataFileException(path, $"targets[{i}]", $"'{t.Name}': interval '{t.Interval}' needs n, dispersion or low/high as its kind requires");
            }

            if (!TargetStatistics.Known(t.Statistic))
            {
                throw new DataFileException(path, $"targets[{i}].statistic", $"unknown statistic '{t.Statistic}'; known: {string.Join(", ", TargetStatistics.Names)}");
            }
        }

        return file;
    }
}
