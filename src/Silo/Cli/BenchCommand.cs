using System.CommandLine;

namespace WardTwin.Silo.Cli;

internal static class BenchCommand
{
    public static Command Create() => new("bench", "Benchmarks");
}
