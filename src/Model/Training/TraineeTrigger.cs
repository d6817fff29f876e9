namespace WardTwin.Model.Training;

/// <summary>
/// A scenario event that branches on the trainee: after <see cref="AfterEvent"/> fired, it fires when the trainee does one of
/// <see cref="Actions"/> on the event's bed within <see cref="WithinMin"/> simulated minutes, or, with <see cref="Absent"/>,
/// when the window passes without one; <see cref="DelayMin"/> later in either case.
/// </summary>
public sealed record TraineeTrigger(string AfterEvent, IReadOnlyList<ActionIntent> Actions, double WithinMin, bool Absent = false, double DelayMin = 0)
{
    /// <summary>
    /// When the event is due (ward hours), or null while it is not (yet): <paramref name="afterH"/> is when the event named
    /// fired (null: not yet), <paramref name="answers"/> the trainee's accepted actions on the bed, in time order.
    /// </summary>
    public double? DueH(double? afterH, IEnumerable<TraineeAction> answers, double nowH)
    {
        if (afterH is not { } from)
        {
            return null;
        }

        double until = from + (WithinMin / 60);
        var match = answers.FirstOrDefault(a => a.Accepted && a.SimTimeH >= from && a.SimTimeH <= until && Actions.Contains(ActionIntents.Of(a)));
        double? due = Absent
            ? match is null && nowH >= until ? until + (DelayMin / 60) : null
            : match is null ? null : match.SimTimeH + (DelayMin / 60);
        return due is { } d && nowH >= d ? d : null;
    }
}
