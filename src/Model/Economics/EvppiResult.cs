namespace WardTwin.Model.Economics;

/// <summary>
/// Expected value of partial perfect information for one parameter group at one willingness to pay, in the net
/// benefit's units (per patient when the net benefit is per patient). <see cref="Evppi"/> is the estimate held
/// to [0, <see cref="Evpi"/>]; <see cref="RawEvppi"/> is the regression's own figure and <see cref="Clip"/>
/// says whether it had to be held (an over-fitted or noisy regression can step outside). The standard error is
/// the bootstrap's (refit on resampled draws, λ held): it covers Monte Carlo and fitting error, not the
/// upward bias of over-fitting. <see cref="EffectiveDf"/> is the largest of the fits' effective degrees of
/// freedom (1 = the group explains nothing; large against the draws = suspect). Dropped parameters are
/// indices into the group that did not vary across draws.
/// </summary>
public sealed record EvppiResult(
    double Evppi, double StandardError, double Evpi, double RawEvppi, EvppiClip Clip, IReadOnlyList<int> DroppedParameters, double EffectiveDf);
