namespace WardTwin.Model.Economics;

/// <summary>One response smoothed on a parameter group: the fitted value at each draw, the λ GCV chose and the effective degrees of freedom (trace of the hat matrix).</summary>
internal sealed record SmoothFit(double[] Fitted, double Lambda, double EffectiveDf);
