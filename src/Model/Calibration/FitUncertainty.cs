using System.Globalization;
using System.Text.Json.Nodes;
using MathNet.Numerics;
using WardTwin.Model.Parameters;

namespace WardTwin.Model.Calibration;

/// <summary>
/// How tightly the targets pin each fitted parameter, for the probabilistic analysis: with the others held at
/// the fit, the sum of squared residuals (each in units of its target's 95 % half-width, so 1.96·r is a
/// z-score) is evaluated at five points around the fitted value and a parabola a·(θ−θ̂)² + … is fitted;
/// Δχ² = 1 gives SE = sqrt(1 / (1.96² · a)). A conditional estimate (other parameters held), so it is narrower
/// than a full profile. A parameter the targets do not pin (a ≤ 0, or an interval wider than its bounds) gets
/// none and stays held. Parameters that already carry an uncertainty from the evidence keep theirs.
/// </summary>
public static class FitUncertainty
{
    public static (ParameterFile File, IReadOnlyList<FitUncertaintyRow> Rows) Estimate(Calibrator calibrator, CalibrationTargetFile targets, ParameterFile file, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(calibrator);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(file);
        var rows = new List<FitUncertaintyRow>();
        var root = (JsonObject)file.Root.DeepClone();
        foreach (string name in targets.FitParameters)
        {
            var entry = file.Entries[name];
            if (entry.Uncertainty is { } existing && !existing.Source.StartsWith(SourcePrefix, StringComparison.Ordinal))
            {
                rows.Add(new FitUncertaintyRow(name, entry.Value, null, "keeps its published interval"));
                continue;
            }

            double lo = entry.Min ?? double.NegativeInfinity, hi = entry.Max ?? double.PositiveInfinity;
            double span = double.IsFinite(hi - lo) ? hi - lo : Math.Abs(entry.Value);
            double h = 0.04 * span;
            var xs = new List<double>();
            var ys = new List<double>();
            foreach (int k in new[] { -2, -1, 0, 1, 2 })
            {
                double x = Math.Clamp(entry.Value + (k * h), lo, hi);
                if (xs.Any(v => Math.Abs(v - x) < 1e-12))
                {
                    continue;
                }

                double y = Calibrator.SumOfSquaredResiduals(calibrator.Evaluate(file.WithValues(new Dictionary<string, double> { [name] = x })));
                xs.Add(x - entry.Value);
                ys.Add(y);
            }

            double a = xs.Count >= 3 ? Fit.Polynomial(xs.ToArray(), ys.ToArray(), 2)[2] : double.NaN;
            double? se = a > 0 ? Math.Sqrt(1 / (1.96 * 1.96 * a)) : null;
            var parameter = (JsonObject)root["parameters"]![name]!;
            if (se is double s && 2 * 1.96 * s < span)
            {
                parameter["uncertainty"] = new JsonObject
                {
                    ["distribution"] = "normal",
                    ["ci_low"] = Math.Round(entry.Value - (1.96 * s), 6),
                    ["ci_high"] = Math.Round(entry.Value + (1.96 * s), 6),
                    ["source"] = string.Create(CultureInfo.InvariantCulture, $"{SourcePrefix} curvature of the sum of squared residuals at the fit, the other parameters held ({targets.Patients} patients per cohort, seed {targets.Seed})"),
                };
                rows.Add(new FitUncertaintyRow(name, entry.Value, s, "drawn"));
            }
            else
            {
                parameter.Remove("uncertainty");
                rows.Add(new FitUncertaintyRow(name, entry.Value, null, "not pinned by the targets: held"));
            }

            progress?.Invoke(name);
        }

        return (ParameterFile.Parse(root.ToJsonString(), file.Path), rows);
    }

    /// <summary>How a fit uncertainty's source begins, so a later estimate replaces it (and never a published one).</summary>
    public const string SourcePrefix = "calibrate fit uncertainty:";
}

/// <summary>One fitted parameter: its value, the standard error the targets give it (null: none), and what the PSA does with it.</summary>
public sealed record FitUncertaintyRow(string Parameter, double Value, double? StandardError, string Outcome);
