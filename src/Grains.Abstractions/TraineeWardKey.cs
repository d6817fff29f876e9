namespace WardTwin.Grains;

/// <summary>The ward a trainee of a training session gets ("{session}.{trainee}"), built and read here only.</summary>
public readonly record struct TraineeWardKey(string Session, string Trainee)
{
    public override string ToString() => $"{Session}.{Trainee}";

    /// <summary>The trainee whose ward this is, if it is one of <paramref name="session"/>'s.</summary>
    public static string? TraineeOf(string session, string wardId)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(wardId);
        return wardId.Length > session.Length + 1 && wardId.StartsWith(session, StringComparison.Ordinal) && wardId[session.Length] == '.' ? wardId[(session.Length + 1)..] : null;
    }
}
