using System.Text.RegularExpressions;
using WardTwin.Model.Training;

namespace WardTwin.Grains;

/// <summary>What starting a training session checks and builds: the trainees' names, and each trainee's ward from the scenario.</summary>
internal static partial class SessionStart
{
    private const int MaxTrainees = 8;

    public static void CheckTrainees(IReadOnlyList<string> trainees)
    {
        if (trainees.Count is < 1 or > MaxTrainees || trainees.Distinct(StringComparer.Ordinal).Count() != trainees.Count)
        {
            throw new ArgumentException($"trainees: name 1-{MaxTrainees} different trainees");
        }

        foreach (var t in trainees.Where(t => !TraineeName().IsMatch(t)))
        {
            throw new ArgumentException($"trainees: '{t}' must be 1-32 lower-case letters, digits or '-'");
        }
    }

    /// <summary>A trainee's ward: the scenario's beds and patients, who decides titration, bags and co-medication, from when the trainee takes over, and whether its clock waits for the instructor.</summary>
    public static WardConfig WardConfig(Scenario scenario, bool startPaused)
    {
        var d = scenario.DecisionsOrDefault;
        return new WardConfig(scenario.Ward.Beds, scenario.Ward.Protocol, scenario.Ward.TimeScale, scenario.Patients[0].Seed,
            AutoNurse: d.Bags == Decider.Protocol,
            Patients: [.. scenario.Patients.Select(p => new BedPatient(p.Bed - 1, p.Seed, p.Index, p.Overrides.ToInput()))],
            TraineeTitrates: d.Titration == Decider.Trainee,
            TraineeFromH: scenario.Ward.StartAtH,
            TraineeCoMedicates: d.CoMedication == Decider.Trainee,
            StartPaused: startPaused);
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex TraineeName();
}
