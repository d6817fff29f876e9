using System.Diagnostics;

namespace WardTwin.EndToEnd.Tests;

/// <summary>Runs the real WardTwin command line as a separate process, as a user would.</summary>
internal static class Cli
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SiloDll => Path.Combine(AppContext.BaseDirectory, "WardTwin.Silo.dll");

    /// <summary>The load generator runs from its own build output (same configuration as this test), with its own dependencies.</summary>
    public static string LoadDll => Path.Combine(RepositoryRoot, "load", "bin", new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0", "WardTwin.Load.dll");

    public static Task<CliResult> Run(TimeSpan timeout, params string[] args) => RunProgram(SiloDll, timeout, null, args);

    /// <summary>Any of the project's programs (the silo's CLI, the load generator) as a process, with extra environment variables.</summary>
    public static async Task<CliResult> RunProgram(string dll, TimeSpan timeout, IDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(dll)} {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "wardtwin-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WardTwin.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("WardTwin.sln not found above the test folder");
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
