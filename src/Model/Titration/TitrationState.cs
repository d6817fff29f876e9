namespace WardTwin.Model.Titration;

/// <summary>Where titration stands, in the protocol's rate unit.</summary>
public sealed record TitrationState(double Rate, bool Frozen = false, double? FrozenRate = null, int ReviewsDone = 0);
