using System.Diagnostics;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// The command line's edges: every problem with what was typed is one "error:" line naming the option and exit 2
/// (no help text, no stack trace), a bad --out is refused before anything is simulated, and Ctrl+C stops a large
/// cohort at once with one line.
/// </summary>
public sealed class CommandLineEdgeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("--patients: 'abc' is not a whole number", "cohort", "--protocol", "erasmus-7d", "--patients", "abc", "--out", "OUT")]
    [InlineData("'--bogus' is not an option or argument of cohort", "cohort", "--protocol", "erasmus-7d", "--out", "OUT", "--bogus")]
    [InlineData("--out: required", "cohort", "--protocol", "erasmus-7d")]
    [InlineData("--seconds: must be a number of seconds > 0, got -1", "bench", "model", "--seconds", "-1")]
    [InlineData("--psa: must be 0 (none) or 2-100000 draws, got -3", "cohort", "--protocol", "erasmus-7d", "--psa", "-3", "--out", "OUT")]
    [InlineData("--psa: must be 0 (none) or 2-100000 draws, got 1: one draw gives a zero-width interval and EVPI 0", "cohort", "--protocol", "erasmus-7d", "--protocol", "goldberg-10d-outpatient", "--psa", "1", "--out", "OUT")]
    [InlineData("--wtp: must be a willingness to pay >= 0, got -1", "cohort", "--protocol", "erasmus-7d", "--protocol", "goldberg-10d-outpatient", "--one-way", "--wtp", "-1", "--out", "OUT")]
    [InlineData("--wtp-max: must be a willingness to pay > 0 (leave it out for the default), got -5", "cohort", "--protocol", "erasmus-7d", "--psa", "10", "--wtp-max", "-5", "--out", "OUT")]
    [InlineData("--wtp-max: must be a willingness to pay > 0 (leave it out for the default), got 0", "cohort", "--protocol", "erasmus-7d", "--psa", "10", "--wtp-max", "0", "--out", "OUT")]
    [InlineData("--wtp-step: must be a step > 0", "cohort", "--protocol", "erasmus-7d", "--psa", "10", "--wtp-step", "0", "--out", "OUT")]
    [InlineData("--wtp-step: must be a step > 0", "cohort", "--protocol", "erasmus-7d", "--psa", "10", "--wtp-step", "-100", "--out", "OUT")]
    [InlineData("--wtp-step: the step 5000 is larger than the largest willingness to pay (1000)", "cohort", "--protocol", "erasmus-7d", "--psa", "10", "--wtp-max", "1000", "--wtp-step", "5000", "--out", "OUT")]
    [InlineData("--wtp-max: 'lots' is not a number", "cohort", "--protocol", "erasmus-7d", "--psa", "10", "--wtp-max", "lots", "--out", "OUT")]
    [InlineData("give a verb: run, cohort", "--unknown-first")]
    public async Task A_problem_with_what_was_typed_is_one_error_line_and_exit_2(string says, params string[] args)
    {
        string dir = Cli.TempDir();
        var run = await Cli.Run(Timeout, [.. args.Select(a => a == "OUT" ? Path.Combine(dir, "out") : a)]);
        Assert.True(run.ExitCode == 2, run.ToString());
        string[] lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one error line:\n{run.Stderr}");
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(says, lines[0], StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Fact]
    public async Task An_out_that_is_a_file_is_refused_before_a_million_patients_are_simulated()
    {
        string file = Path.Combine(Cli.TempDir(), "not-a-folder");
        await File.WriteAllTextAsync(file, "mine");
        var clock = Stopwatch.StartNew();
        var run = await Cli.Run(Timeout, "cohort", "--protocol", "erasmus-7d", "--patients", "1000000", "--out", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: --out: {file} is a file, not a folder", run.Stderr.Trim());
        Assert.Equal("mine", await File.ReadAllTextAsync(file));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"refused only after {clock.Elapsed}");
    }

    /// <summary>The time it takes is printed (about 0.6 s on the developers' machine, release build); the bound here only catches a run that does not stop.</summary>
    [Fact]
    public async Task Ctrl_c_stops_a_large_cohort_at_once_with_one_line()
    {
        string dir = Cli.TempDir();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Cli.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Cli.SiloDll, "cohort", "--protocol", "erasmus-7d", "--patients", "5000000", "--out", Path.Combine(dir, "out") })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var lines = new List<string>();
        var running = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }

                if (line.Contains("admissions (", StringComparison.Ordinal))
                {
                    running.TrySetResult();
                }
            }
        };
        process.BeginErrorReadLine();
        await running.Task.WaitAsync(TimeSpan.FromMinutes(1)); // the cohort runs: progress is reported

        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var took = clock.Elapsed;
        string[] said;
        lock (lines)
        {
            said = [.. lines.Where(l => !l.Contains("admissions (", StringComparison.Ordinal))];
        }

        output.WriteLine(string.Join('\n', said));
        Assert.Equal(130, process.ExitCode);
        output.WriteLine($"stopped {took.TotalSeconds:0.00} s after Ctrl+C");
        Assert.True(took < TimeSpan.FromSeconds(20), $"stopped only {took.TotalSeconds:0.0} s after Ctrl+C");
        Assert.Equal([$"cancelled: the run stopped; {Path.Combine(dir, "out")} keeps the cohorts finished before (no comparison.json was written)"], said.Where(l => l.StartsWith("cancelled", StringComparison.Ordinal)));
        Assert.DoesNotContain(said, l => l.StartsWith("fail:", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal) || l.StartsWith("warn: Polly", StringComparison.Ordinal));
        Assert.Empty(await stdout);
        Assert.False(File.Exists(Path.Combine(dir, "out", "comparison.json")));
    }
}
