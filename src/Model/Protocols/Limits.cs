using System.Text.Json.Serialization;

namespace WardTwin.Model.Protocols;

/// <summary>Smart-pump style limits: the hard maximum is never exceeded, the soft one needs a confirmation.</summary>
public sealed record Limits([property: JsonRequired] RateQuantity HardMax, RateQuantity? SoftMax = null, string? Source = null);
