using System.Text.Json.Serialization;

namespace WardTwin.Model.Costs;

/// <summary>How probabilistic sensitivity analysis draws prices: gamma with this coefficient of variation, this many draws.</summary>
public sealed record PsaSettings([property: JsonRequired] double PriceCv, [property: JsonRequired] int Draws, string? Source = null);
