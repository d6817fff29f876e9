using System.Text.Json.Serialization;

namespace WardTwin.Model.Costs;

/// <summary>How probabilistic sensitivity analysis draws prices: gamma with this coefficient of variation (the draws are `cohort --psa D`).</summary>
public sealed record PsaSettings([property: JsonRequired] double PriceCv, string? Source = null);
