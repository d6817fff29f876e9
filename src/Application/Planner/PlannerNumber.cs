namespace WardTwin.Application.Planner;

/// <summary>The numbers of a planner's analyses that each host checks against <see cref="PlannerNumbers"/>' one rule.</summary>
public enum PlannerNumber
{
    /// <summary>PSA draws: 0 (none) or 2 and more.</summary>
    PsaDraws,

    /// <summary>Willingness to pay for the one-way analysis's net benefit.</summary>
    Wtp,

    /// <summary>The acceptability curve's largest willingness to pay.</summary>
    WtpMax,

    /// <summary>The acceptability curve's step.</summary>
    WtpStep,
}
