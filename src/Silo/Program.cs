using System.CommandLine;
using WardTwin.Silo.Cli;

var root = new RootCommand("WardTwin: a ward simulation and digital twin for multi-day ketamine infusions in CRPS");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(CohortCommand.Create());
root.Subcommands.Add(CapacityCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(CalibrateCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(DbCommand.Create());
var parse = root.Parse(args);
if (CliErrors.FirstProblem(parse) is { } problem)
{
    Console.Error.WriteLine($"error: {problem}");
    return 2;
}

return parse.Invoke();
