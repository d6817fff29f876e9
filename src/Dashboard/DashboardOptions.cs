namespace WardTwin.Dashboard;

/// <summary>Dashboard settings (section "Dashboard"), validated on start.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Access token of trainees (pump, midazolam, alarms, discharge); required when bound beyond loopback.</summary>
    public string? TraineeToken { get; set; }

    /// <summary>Access token of instructors (all a trainee may, plus wards and planner runs).</summary>
    public string? InstructorToken { get; set; }

    /// <summary>How often live pages get a batched update (ms).</summary>
    public int StreamIntervalMs { get; set; } = 500;

    /// <summary>OTLP endpoint for OpenTelemetry metrics and traces; empty leaves OTLP off.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Largest planner cohort accepted from the page.</summary>
    public int MaxPlannerPatients { get; set; } = 20_000;

    /// <summary>Where planner runs write their files (one folder per run; only the last few are kept); empty: a folder under the system's temporary folder.</summary>
    public string? RunsPath { get; set; }

    /// <summary>The Chromium that prints a report's PDF (Debian's by default).</summary>
    public string Chromium { get; set; } = "/usr/bin/chromium";
}
