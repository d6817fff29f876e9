namespace WardTwin.Model.Economics;

/// <summary>
/// How EVPPI's standard error is estimated: bootstrap resamples of the draws (each refits the smoother) and
/// the seed of the resampling, so the same inputs always give the same figures. Fewer than 2
/// replicates leave the standard error NaN (not estimated), never 0.
/// </summary>
public sealed record EvppiOptions(int BootstrapReplicates = 100, int BootstrapSeed = 2014)
{
    public static EvppiOptions Default { get; } = new();
}
