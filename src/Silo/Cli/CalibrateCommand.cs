using System.CommandLine;
using System.Globalization;
using WardTwin.Model.Calibration;
using WardTwin.Model.Data;
using WardTwin.Model.Parameters;

namespace WardTwin.Silo.Cli;

/// <summary>`calibrate`: fit the card's assumed parameters to its section 7 targets, print the fit, write the fitted file.</summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var parameters = new Option<string>("--params") { Description = "Parameter file to start from", Required = true };
        var output = new Option<string?>("--out") { Description = "Where to write the fitted parameter file (with its fit table); required unless --table-only" };
        var tableOnly = new Option<bool>("--table-only") { Description = "Print the fit table stored in --params as markdown (what the README shows) and simulate nothing" };
        var targets = new Option<string?>("--targets") { Description = "Target file; default data/calibration/targets.json" };
        var evaluations = new Option<int>("--evaluations") { Description = "Budget of objective evaluations (each simulates every target's cohort)", DefaultValueFactory = _ => 300 };
        var uncertainty = new Option<bool>("--uncertainty") { Description = "Instead of fitting: estimate how tightly the targets pin each fitted parameter and write it as the parameter's uncertainty (what cohort --psa draws)" };
        var evaluateOnly = new Option<bool>("--evaluate-only") { Description = "Only print how the given parameters meet the targets; write them unchanged with the table" };
        var seed = new Option<long?>("--seed") { Description = "Seed of the simulated cohorts (default: the target file's)" };
        var patients = new Option<int?>("--patients") { Description = "Patients per simulated cohort (default: the target file's)" };
        var data = CommonOptions.Data();
        var command = new Command("calibrate", "Fit the assumed parameters to the model card's calibration targets (section 7)")
        {
            parameters, output, targets, evaluations, evaluateOnly, seed, patients, data, tableOnly, uncertainty,
        };
        command.SetAction(r => CommonOptions.Guard(() =>
        {
            if (r.GetValue(tableOnly))
            {
                var stored = ParameterFile.Load(r.GetValue(parameters)!);
                if (stored.Root["fit"] is not System.Text.Json.Nodes.JsonObject fit)
                {
                    throw new DataFileException(stored.Path, "fit", "no fit table: run calibrate on this file first");
                }

                Console.WriteLine($"Calibration ({FitTable.Heading(fit)})");
                Console.WriteLine();
                Console.Write(FitTable.Markdown(fit));
                return 0;
            }

            string outPath = r.GetValue(output) ?? throw new ArgumentException("--out: where to write the fitted file is required (or use --table-only)");
            var catalog = DataCatalog.Locate(r.GetValue(data));
            var targetFile = CalibrationTargetFile.Load(r.GetValue(targets) ?? Path.Combine(catalog.Root, "calibration", "targets.json"));
            if (r.GetValue(patients) is < 1)
            {
                throw new ArgumentException($"--patients: must be >= 1, got {r.GetValue(patients)}");
            }

            targetFile = targetFile with { Seed = r.GetValue(seed) ?? targetFile.Seed, Patients = r.GetValue(patients) ?? targetFile.Patients };
            var file = ParameterFile.Load(r.GetValue(parameters)!);
            _ = ModelParameters.From(file);
            targetFile.Validate(catalog, file, fitting: !r.GetValue(evaluateOnly));
            var calibrator = new Calibrator(catalog, targetFile);
            if (r.GetValue(uncertainty))
            {
                Console.Error.WriteLine($"estimating the fit uncertainty of {targetFile.FitParameters.Count} parameters (5 evaluations each, {targetFile.Patients} patients per cohort)");
                var (withUncertainty, rows) = FitUncertainty.Estimate(calibrator, targetFile, file, name => Console.Error.WriteLine($"  {name}"));
                withUncertainty.Save(outPath);
                foreach (var row in rows)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Parameter,-52} {row.Value,12:0.####}  SE {(row.StandardError is { } se ? se.ToString("0.####", CultureInfo.InvariantCulture) : "-"),10}  {row.Outcome}"));
                }

                Console.WriteLine($"wrote {outPath}");
                return 0;
            }

            CalibrationRun run;
            if (r.GetValue(evaluateOnly))
            {
                var results = calibrator.Evaluate(file);
                run = new CalibrationRun(file.WithSection("fit", calibrator.FitSection(file, results, 0)), results, 0);
            }
            else
            {
                int budget = r.GetValue(evaluations);
                Console.Error.WriteLine($"fitting {targetFile.FitParameters.Count} parameters to {targetFile.Targets.Count(t => t.Fit)} targets ({targetFile.Patients} patients per cohort, seed {targetFile.Seed}), up to {budget} evaluations");
                run = calibrator.Fit(file, budget, (n, best) =>
                {
                    if (n % 10 == 0)
                    {
                        Console.Error.WriteLine($"evaluation {n}/{budget}: best objective {best:0.###}");
                    }
                });
            }

            run.Fitted.Save(outPath);
            var fitSection = (System.Text.Json.Nodes.JsonObject)run.Fitted.Root["fit"]!;
            Console.WriteLine($"Calibration ({FitTable.Heading(fitSection)})");
            Console.WriteLine();
            Console.Write(FitTable.Markdown(fitSection));
            int outside = run.Results.Count(x => !x.Inside && x.Target.KnownGap is null);
            int gaps = run.Results.Count(x => !x.Inside && x.Target.KnownGap is not null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run.Results.Count(x => x.Inside)} of {run.Results.Count} targets inside, {gaps} outside as known gaps, {outside} outside unexplained; objective {Calibrator.Objective(run.Results):0.###} after {run.Evaluations} evaluations; wrote {outPath}"));
            if (!r.GetValue(evaluateOnly))
            {
                foreach (var name in targetFile.FitParameters)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} = {run.Fitted.Entries[name].Value:0.####} (was {file.Entries[name].Value:0.####})"));
                }
            }

            return 0;
        }));
        return command;
    }
}
