namespace WardTwin.Model.Economics;

/// <summary>Whether a regression EVPPI had to be held inside [0, EVPI], and on which side.</summary>
public enum EvppiClip
{
    None,
    BelowZero,
    AboveEvpi,
}
