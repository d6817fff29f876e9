using System.Globalization;
using WardTwin.Application.Planner;

namespace WardTwin.Silo.Cli;

/// <summary>A planner run's progress as lines on stderr (stdout keeps the results), at most one a second per cohort.</summary>
internal sealed class CohortProgressLines : IPlannerObserver
{
    private readonly Dictionary<string, ProgressReporter> _cohorts = new(StringComparer.Ordinal);
    private int _psaTenth = -1;

    public void ParameterOverridden(string name, double value, double fileValue) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"--param: {name} = {value} (the file says {fileValue})"));

    public void CohortProgress(string protocol, int done, int total)
    {
        if (!_cohorts.TryGetValue(protocol, out var reporter))
        {
            _cohorts[protocol] = reporter = new ProgressReporter(protocol, total);
        }

        reporter.Report(done);
    }

    public void CohortDone(string protocol, int patients, TimeSpan elapsed) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{protocol}: {patients} admissions in {elapsed.TotalSeconds:0.000} s ({patients / Math.Max(elapsed.TotalSeconds, 1e-9):0}/s)"));

    public void PsaProgress(int done, int total, TimeSpan elapsed)
    {
        int tenth = done * 10 / Math.Max(1, total);
        if (tenth != _psaTenth || done == total)
        {
            _psaTenth = tenth;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"psa: {done}/{total} draws ({elapsed.TotalSeconds:0.0} s)"));
        }
    }

    public void PsaDone(int admissions, TimeSpan elapsed) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"psa: {admissions} admissions in {elapsed.TotalSeconds:0.0} s ({admissions / Math.Max(elapsed.TotalSeconds, 1e-9):0}/s)"));

    public void SensitivityProgress(int done, int total) =>
        Console.Error.WriteLine($"sensitivity: {done}/{total} parameter sets simulated");
}
