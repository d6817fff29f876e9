namespace WardTwin.Model.Titration;

/// <summary>A review's decision as plain values (no record, no reason text): what a cohort's walk needs, hourly, without allocating.</summary>
internal readonly record struct TitrationStep(TitrationAction Action, double NewRate, TitrationWhy Why);
