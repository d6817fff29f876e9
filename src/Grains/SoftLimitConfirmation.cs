using WardTwin.Model.Pump;

namespace WardTwin.Grains;

/// <summary>
/// A confirmation above the soft limit is a confirmation of what was seen: one that names no pump revision is not taken
/// as confirmed; the pump asks again, with the revision to confirm on (409 through the API).
/// </summary>
internal static class SoftLimitConfirmation
{
    public const string Asked = " (a confirmation carries the revision of the pump you confirmed on)";

    /// <summary>The key as the pump is to take it: unconfirmed when it confirms a soft-limit rate without a revision.</summary>
    public static (PumpKeyPress Press, bool Unseen) Check(PumpKeyPress press, PumpProgramme programme)
    {
        bool unseen = press.ConfirmSoftLimit && press.ExpectedRevision is null && press.Key == nameof(PumpActionKind.SetRate)
            && programme.SoftMaxMgPerH is { } soft && press.Value > soft + 1e-9 && press.Value <= programme.HardMaxMgPerH + 1e-9;
        return unseen ? (press with { ConfirmSoftLimit = false }, true) : (press, false);
    }
}
