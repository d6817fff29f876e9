namespace WardTwin.Model.Economics;

/// <summary>Nested Monte Carlo EVPPI with the standard error of its outer average and the loop sizes.</summary>
public sealed record NestedEvppiResult(double Evppi, double StandardError, int Outer, int Inner);
