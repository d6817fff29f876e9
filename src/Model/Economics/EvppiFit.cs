namespace WardTwin.Model.Economics;

/// <summary>
/// One parameter group's cost and effect increments smoothed once; EVPPI at any willingness to pay is then a
/// cheap combination of the fits (see <see cref="Evppi.Fit"/>).
/// </summary>
public sealed class EvppiFit
{
    private readonly IncrementFits _fits;

    internal EvppiFit(IncrementFits fits) => _fits = fits;

    /// <summary>EVPPI at a willingness to pay per unit of effect (net benefit = wtp·effect − cost).</summary>
    public EvppiResult At(double wtp) => _fits.Evaluate([wtp, -1]);
}
