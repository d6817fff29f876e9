using System.Text.Json.Nodes;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using WardTwin.Model.Data;
using WardTwin.Model.Outcomes;
using WardTwin.Model.Parameters;
using WardTwin.Model.Simulation;
using WardTwin.Model.Vitals;

namespace WardTwin.Model.Calibration;

/// <summary>
/// Fits the assumed parameters named in the target file to the published figures by simulation:
/// Nelder–Mead (MathNet) on the sum of squared residuals, each in units of its target's interval on that
/// side, plus a heavy penalty near and beyond the interval's edge, with common random numbers (a fixed seed), so the
/// objective moves only with the parameters.
/// Sourced parameters are never touched.
/// </summary>
public sealed class Calibrator(DataCatalog catalog, CalibrationTargetFile targets)
{
    public IReadOnlyList<TargetResult> Evaluate(ParameterFile file, int? patients = null, long? seed = null)
    {
        var parameters = ModelParameters.From(file);
        var alarmNames = parameters.Alarms.Select(AlarmEvaluator.Name).ToArray();
        var outcomes = new Dictionary<string, AdmissionOutcome[]>(StringComparer.Ordinal);
        foreach (string id in targets.Targets.SelectMany(t => t.Versus is null ? [t.Protocol] : new[] { t.Protocol, t.Versus }).Distinct())
        {
            var protocol = catalog.LoadProtocol(id);
            var runner = new CohortRunner(protocol, catalog.LoadCohort(protocol.Cohort), parameters);
            outcomes[id] = runner.Run(patients ?? targets.Patients, seed ?? targets.Seed);
        }

        return targets.Targets.Select(t => TargetResult.Of(t, t.Versus is null
            ? TargetStatistics.Compute(t.Statistic, outcomes[t.Protocol], alarmNames)
            : TargetStatistics.Compute(t.Statistic, outcomes[t.Protocol], alarmNames).Value - TargetStatistics.Compute(t.Statistic, outcomes[t.Versus], alarmNames).Value)).ToArray();
    }

    /// <summary>Weight on the part of a residual beyond the safe part of its interval: being inside comes first, closeness second.</summary>
    public const double EdgeWeight = 100;

    /// <summary>
    /// How much of each interval counts as safe: a target met only at its edge on the fit's seed falls out
    /// on the next seed, so the fit pays heavily from 80 % of the half-width on.
    /// </summary>
    public const double SafeFraction = 0.8;

    /// <summary>
    /// Sum of squared residuals plus a heavy penalty beyond the safe part of each interval, so the fit
    /// does not trade one target out of its interval for many small gains inside the others; where
    /// targets pull against each other it spreads the strain instead of dropping one.
    /// </summary>
    public static double Objective(IEnumerable<TargetResult> results) =>
        Fitted(results).Sum(r =>
        {
            double edge = Math.Max(0, Math.Abs(r.Residual) - SafeFraction);
            return (r.Residual * r.Residual) + (EdgeWeight * edge * edge);
        });

    /// <summary>The plain sum of squared residuals over the fitted targets, without the edge penalty (a chi-square up to 1.96²).</summary>
    public static double SumOfSquaredResiduals(IEnumerable<TargetResult> results) => Fitted(results).Sum(r => r.Residual * r.Residual);

    private static IEnumerable<TargetResult> Fitted(IEnumerable<TargetResult> results) => results.Where(r => r.Target.Fit && double.IsFinite(r.Simulated));

    public CalibrationRun Fit(ParameterFile file, int maxEvaluations, Action<int, double>? progress = null)
    {
        var names = targets.FitParameters;
        // The same checks as the CLI makes before anything runs: listed once, fittable, bounded.
        targets.Validate(catalog, file, fitting: true);

        var transforms = names.Select(n => new BoundedTransform(file.Entries[n])).ToArray();
        var start = Vector<double>.Build.Dense(names.Count, i => transforms[i].ToFree(file.Entries[names[i]].Value));
        double best = double.PositiveInfinity;
        Vector<double> bestX = start;
        int evaluations = 0;

        double Evaluate(Vector<double> x)
        {
            if (evaluations >= maxEvaluations)
            {
                return best + 1;
            }

            var candidate = file.WithValues(Values(x));
            double f = Objective(this.Evaluate(candidate));
            evaluations++;
            if (f < best)
            {
                best = f;
                bestX = x.Clone();
            }

            progress?.Invoke(evaluations, best);
            return f;
        }

        Dictionary<string, double> Values(Vector<double> x) =>
            names.Select((n, i) => (n, v: transforms[i].FromFree(x[i]))).ToDictionary(p => p.n, p => p.v, StringComparer.Ordinal);

        try
        {
            var solver = new NelderMeadSimplex(1e-4, maxEvaluations);
            solver.FindMinimum(ObjectiveFunction.Value(Evaluate), start, Vector<double>.Build.Dense(names.Count, 0.3));
        }
        catch (MaximumIterationsException)
        {
            // The budget ran out: keep the best point seen, which is what a user asked for.
        }

        var fitted = file.WithValues(Values(bestX));
        var results = this.Evaluate(fitted);
        return new CalibrationRun(fitted.WithSection("fit", FitSection(fitted, results, evaluations)), results, evaluations);
    }

    public JsonObject FitSection(ParameterFile file, IReadOnlyList<TargetResult> results, int evaluations)
    {
        var fitted = new JsonArray();
        foreach (var name in targets.FitParameters.Where(file.Entries.ContainsKey))
        {
            var e = file.Entries[name];
            fitted.Add(new JsonObject
            {
                ["parameter"] = name,
                ["value"] = Math.Round(e.Value, 6),
                ["kind"] = e.Assumed ? "assumed" : "sourced, fitted within its published interval",
                ["min"] = e.Min,
                ["max"] = e.Max,
            });
        }

        var rows = new JsonArray();
        foreach (var r in results)
        {
            var row = new JsonObject
            {
                ["target"] = r.Target.Name,
                ["published"] = Math.Round(r.Target.Published, 4),
                ["low"] = Math.Round(r.Low, 4),
                ["high"] = Math.Round(r.High, 4),
                ["simulated"] = double.IsFinite(r.Simulated) ? Math.Round(r.Simulated, 4) : null,
                ["residual"] = double.IsFinite(r.Residual) ? Math.Round(r.Residual, 3) : null,
                ["inside"] = r.Inside,
                ["fitted_to"] = r.Target.Fit,
            };
            if (r.IsBinomial)
            {
                // low/high bound the share of patients; the simulated median sits beside its shares.
                row["rule"] = "binomial-median";
                row["share_below"] = Math.Round(r.ShareBelow!.Value, 4);
                row["share_at_or_below"] = Math.Round(r.ShareAtOrBelow!.Value, 4);
            }

            if (r.Target.KnownGap is { } gap)
            {
                row["known_gap"] = gap;
            }

            rows.Add(row);
        }

        return new JsonObject
        {
            ["seed"] = targets.Seed,
            ["patients"] = targets.Patients,
            ["evaluations"] = evaluations,
            ["objective"] = Math.Round(Objective(results), 4),
            ["parameters"] = fitted,
            ["targets"] = rows,
        };
    }

    /// <summary>Maps a bounded parameter to the whole real line (logit) or a positive one to its log.</summary>
    private sealed class BoundedTransform(ParameterEntry entry)
    {
        private readonly double _lo = entry.Min ?? 0;
        private readonly double? _hi = entry.Max;

        public double ToFree(double v) => _hi is { } hi
            ? Math.Log((Math.Clamp(v, _lo + 1e-9, hi - 1e-9) - _lo) / (hi - Math.Clamp(v, _lo + 1e-9, hi - 1e-9)))
            : Math.Log(Math.Max(v - _lo, 1e-12));

        public double FromFree(double x) => _hi is { } hi ? _lo + ((hi - _lo) * SpecialFunctions.Logistic(x)) : _lo + Math.Exp(x);
    }
}

/// <summary>The fitted parameter file with its fit table, and the target results it gives.</summary>
public sealed record CalibrationRun(ParameterFile Fitted, IReadOnlyList<TargetResult> Results, int Evaluations);
