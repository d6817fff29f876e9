namespace WardTwin.Model.Protocols;

/// <summary>When the daily pain score is taken: a clock time each treatment day, or before each session.</summary>
public sealed record Assessments(string? DailyClock = null, bool BeforeEachSession = false, string? Source = null);

/// <summary>T1 and T2 relative to the end of treatment, and the outpatient visits that go with them.</summary>
public sealed record OutcomeTimes(double T1AfterEndH = 0, double T2WeeksAfterEnd = 4, int FollowUpVisits = 1, string? Source = null, string? Assumed = null);

/// <summary>Early discharge of inpatients: sustained severe side effects, or the patient's request (a daily hazard).</summary>
public sealed record EarlyDischarge(double? SevereSideEffectH = null, double RequestPerDay = 0, string? Source = null, string? Assumed = null);
