namespace WardTwin.Application.Planner;

/// <summary>What a planner run tells its host while it runs (a command line prints it to stderr; a page could show it).</summary>
public interface IPlannerObserver
{
    void ParameterOverridden(string name, double value, double fileValue) { }

    void CohortProgress(string protocol, int done, int total) { }

    void CohortDone(string protocol, int patients, TimeSpan elapsed) { }

    void PsaProgress(int done, int total, TimeSpan elapsed) { }

    void PsaDone(int admissions, TimeSpan elapsed) { }

    /// <summary>One simulation of the one-way or scenario analyses finished (a parameter set under which every protocol ran).</summary>
    void SensitivityProgress(int done, int total) { }
}

/// <summary>An observer that ignores everything.</summary>
public sealed class SilentPlannerObserver : IPlannerObserver
{
    public static SilentPlannerObserver Instance { get; } = new();
}
