namespace WardTwin.Model.Randomness;

/// <summary>The stored position of a <see cref="SeededRandom"/> stream.</summary>
public readonly record struct SeededRandomPosition(ulong State, double SpareNormal, bool HasSpare);
