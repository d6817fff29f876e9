using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using WardTwin.Application.Planner;

namespace WardTwin.Silo.Cli;

/// <summary>
/// The command line's one way to refuse: the first problem as one line "error: ..." naming the option, exit code 2,
/// no help text and no stack trace. Numbers are also checked here against what each option can mean (a count or a
/// duration below 1, a negative rate), so no verb runs on a value it cannot use.
/// </summary>
internal static partial class CliErrors
{
    /// <summary>What a number given to an option must be, by option name: the smallest value allowed.</summary>
    private static readonly Dictionary<string, (double Min, string Words)> NumberRules = new(StringComparer.Ordinal)
    {
        ["--seconds"] = (double.Epsilon, "a number of seconds > 0"),
        ["--patients"] = (1, "a whole number >= 1"),
        ["--beds"] = (1, "a whole number >= 1"),
        ["--chairs"] = (1, "a whole number >= 1"),
        ["--draws"] = (1, "a whole number >= 1"),
        ["--evaluations"] = (1, "a whole number >= 1"),
        ["--live"] = (1, "a whole number >= 1"),
        ["--replications"] = (1, "a whole number >= 1"),
        ["--patients-per-year"] = (double.Epsilon, "a number > 0"),
        ["--years"] = (double.Epsilon, "a number of years > 0"),
        ["--target-wait-days"] = (0, "a number of days >= 0"),
        ["--monitor-hz"] = (double.Epsilon, "a sampling rate > 0"),
        ["--arrivals-per-day"] = (0, "a number >= 0"),
        ["--psa-patients"] = (0, "a whole number >= 0 (0: --patients)"),
        ["--follow-up-week"] = (1, "a week >= 1"),
        ["--silo-port"] = (0, "a port number 0-65535"),
        ["--gateway-port"] = (0, "a port number 0-65535"),
    };

    /// <summary>The planner's analysis numbers, checked by the rule the dashboard's requests share (src/Application).</summary>
    private static readonly Dictionary<string, PlannerNumber> PlannerRules = new(StringComparer.Ordinal)
    {
        ["--psa"] = PlannerNumber.PsaDraws,
        ["--wtp"] = PlannerNumber.Wtp,
        ["--wtp-max"] = PlannerNumber.WtpMax,
        ["--wtp-step"] = PlannerNumber.WtpStep,
    };

    /// <summary>The first problem of a parse as one line, or null when there is none.</summary>
    public static string? FirstProblem(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.Errors.Count > 0)
        {
            return Explain(parse.Errors[0].Message, parse.CommandResult.Command.Name);
        }

        foreach (var option in parse.CommandResult.Children.OfType<OptionResult>())
        {
            if (option.Implicit)
            {
                continue;
            }

            double? value = option.GetValueOrDefault<object?>() switch
            {
                int i => i,
                long l => l,
                double d => d,
                _ => null,
            };
            if (value is { } given && PlannerRules.TryGetValue(option.Option.Name, out var planner) && PlannerNumbers.Problem(planner, given) is { } problem)
            {
                return $"{option.Option.Name}: {problem}";
            }

            if (!NumberRules.TryGetValue(option.Option.Name, out var rule))
            {
                continue;
            }

            double max = option.Option.Name is "--silo-port" or "--gateway-port" ? 65535 : double.PositiveInfinity;
            if (value is { } v && (!double.IsFinite(v) || v < rule.Min || v > max))
            {
                return $"{option.Option.Name}: must be {rule.Words}, got {(option.Tokens.Count > 0 ? option.Tokens[0].Value : v.ToString(CultureInfo.InvariantCulture))}";
            }
        }

        return null;
    }

    /// <summary>System.CommandLine's wording, said in ours where we know it; the option is always named.</summary>
    private static string Explain(string message, string verb)
    {
        if (CannotParse().Match(message) is { Success: true } m)
        {
            string what = m.Groups[3].Value switch
            {
                "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" => "a whole number",
                "System.Double" or "System.Nullable`1[System.Double]" => "a number",
                "System.Boolean" => "true or false",
                var t => t,
            };
            return $"{m.Groups[2].Value}: '{m.Groups[1].Value}' is not {what}";
        }

        if (Unrecognized().Match(message) is { Success: true } u)
        {
            return $"'{u.Groups[1].Value}' is not an option or argument of {verb} ({(verb.Length > 0 ? verb + " " : string.Empty)}--help lists them)";
        }

        if (Required().Match(message) is { Success: true } r)
        {
            return $"{r.Groups[1].Value}: required ({verb} --help)";
        }

        return message.Contains("Required command was not provided", StringComparison.Ordinal)
            ? "give a verb: run, cohort, capacity, report, calibrate, bench or db (--help lists them)"
            : message;
    }

    [GeneratedRegex(@"Cannot parse argument '(.*)' for option '(.*?)' as expected type '(.*?)'")]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"Unrecognized command or argument '(.*)'")]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"Option '(.*?)' is required")]
    private static partial Regex Required();
}
