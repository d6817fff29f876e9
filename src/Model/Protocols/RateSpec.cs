using System.Text.Json.Serialization;

namespace WardTwin.Model.Protocols;

/// <summary>The unit the protocol titrates in, and where it starts.</summary>
public sealed record RateSpec([property: JsonRequired] RateUnit Unit, [property: JsonRequired] double Start, string? Source = null);
